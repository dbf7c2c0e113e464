package dev.paas.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void readsKeysAndValuesInTheirOrderSkippingCommentsAndBlankLines() {
        Map<String, String> variables = DotEnv.parse("""
                # the database
                DATABASE_URL=postgres://db:5432/shop

                export API_KEY = abc123
                  EMPTY=
                URL=https://example.com/a#fragment
                GREETING=hello world # a comment
                """);

        assertThat(variables).containsExactly(
                Map.entry("DATABASE_URL", "postgres://db:5432/shop"),
                Map.entry("API_KEY", "abc123"),
                Map.entry("EMPTY", ""),
                Map.entry("URL", "https://example.com/a#fragment"),
                Map.entry("GREETING", "hello world"));
    }

    @Test
    void expandsEscapesInDoubleQuotesOnly() {
        Map<String, String> variables = DotEnv.parse("""
                DOUBLE="line one\\nline two\\t\\"quoted\\" \\\\ # not a comment"
                SINGLE='no \\n escape # here'  # but a comment here
                """);

        assertThat(variables).containsEntry("DOUBLE", "line one\nline two\t\"quoted\" \\ # not a comment")
                .containsEntry("SINGLE", "no \\n escape # here");
    }

    @Test
    void readsQuotedValuesOverSeveralLines() {
        Map<String, String> variables = DotEnv.parse("KEY=\"-----BEGIN-----\r\nabc\r\n-----END-----\"\r\nNEXT=1");

        assertThat(variables).containsExactly(Map.entry("KEY", "-----BEGIN-----\nabc\n-----END-----"),
                Map.entry("NEXT", "1"));
    }

    @Test
    void acceptsAnEmptyTextAsAnEmptySet() {
        assertThat(DotEnv.parse("")).isEmpty();
        assertThat(DotEnv.parse("\n# nothing\n\n")).isEmpty();
        assertThat(DotEnv.parse(null)).isEmpty();
    }

    @Test
    void keepsAKeyCalledExport() {
        assertThat(DotEnv.parse("export=1\nexport  X=2")).containsExactly(Map.entry("export", "1"),
                Map.entry("X", "2"));
    }

    @Test
    void namesTheLineOfALineWithoutEquals() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\n\nJUST_A_WORD\n"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("line 3 is not KEY=value: it has no '='");
    }

    @Test
    void namesTheLineOfAnInvalidKey() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\n1ABC=2"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageStartingWith("line 2 contains the invalid key '1ABC'");
        assertThatThrownBy(() -> DotEnv.parse("MY-KEY=2"))
                .hasMessageStartingWith("line 1 contains the invalid key 'MY-KEY'");
        assertThatThrownBy(() -> DotEnv.parse("=2")).hasMessage("line 1 contains an empty key");
    }

    @Test
    void namesTheLineOfAReservedKey() {
        assertThatThrownBy(() -> DotEnv.parse("# comment\nPORT=8080"))
                .hasMessageStartingWith("line 2 contains the reserved key 'PORT'");
    }

    @Test
    void namesTheLineOfAnUnclosedQuote() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nB=\"open\nC=3"))
                .hasMessage("line 2 opens a value with \" that is never closed");
    }

    @Test
    void namesTheLineOfTextAfterAClosingQuote() {
        assertThatThrownBy(() -> DotEnv.parse("A='one' two"))
                .hasMessageStartingWith("line 1 has text after the closing ' of its value");
    }

    @Test
    void refusesAKeySetTwice() {
        assertThatThrownBy(() -> DotEnv.parse("A=1\nB=2\nA=3"))
                .hasMessage("line 3 sets 'A' again: it is already set on line 1");
    }

    @Test
    void namesTheLineOfATooLargeValueWithoutTheValue() {
        String big = "x".repeat(EnvironmentRules.MAX_VALUE_BYTES + 1);
        assertThatThrownBy(() -> DotEnv.parse("A=1\nBIG=" + big))
                .hasMessageStartingWith("line 2 sets a value of 32769 bytes for 'BIG'")
                .message().doesNotContain("xxx");
    }
}
