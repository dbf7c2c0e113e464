package dev.paas.runtime.environment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentRulesTest {

    @Test
    void acceptsLettersDigitsAndUnderscoresNotStartingWithADigit() {
        for (String key : new String[] {"A", "_", "a_b", "DATABASE_URL", "_1", "x".repeat(255)}) {
            assertThatCode(() -> EnvironmentRules.checkKey("path", key)).as(key).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesOtherKeys() {
        for (String key : new String[] {"1A", "A-B", "A B", "A.B", "Ä", "A=B", "x".repeat(256), ""}) {
            assertThatThrownBy(() -> EnvironmentRules.checkKey("path", key)).as(key)
                    .isInstanceOf(InvalidInput.class).hasMessageStartingWith("path contains");
        }
    }

    @Test
    void refusesTheKeysThePlatformSets() {
        assertThatThrownBy(() -> EnvironmentRules.checkKey("path", "PORT"))
                .hasMessage("path contains the reserved key 'PORT': the platform sets it (the port the app must "
                        + "listen on) and it cannot be changed");
        assertThatCode(() -> EnvironmentRules.checkKey("path", "port")).doesNotThrowAnyException();
    }

    @Test
    void limitsAValueTo32KibInUtf8() {
        assertThatCode(() -> EnvironmentRules.checkValue("body", "K", "x".repeat(32 * 1024)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> EnvironmentRules.checkValue("body", "K", "é".repeat(16 * 1024 + 1)))
                .hasMessage("body sets a value of 32770 bytes for 'K': a value has at most 32768 bytes (32 KiB)");
        assertThatThrownBy(() -> EnvironmentRules.checkValue("body", "K", null))
                .hasMessageStartingWith("body sets no value for 'K'");
    }

    @Test
    void limitsASetTo200Variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            variables.put("K" + i, "v");
        }
        assertThatCode(() -> EnvironmentRules.checkSet(variables)).doesNotThrowAnyException();
        variables.put("ONE_MORE", "v");
        assertThatThrownBy(() -> EnvironmentRules.checkSet(variables))
                .hasMessage("variables would be 201 variables: a project has at most 200");
    }

    @Test
    void limitsASetTo256KibOfKeysAndValues() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < 7; i++) {
            variables.put("K" + i, "x".repeat(32 * 1024));
        }
        variables.put("K7", "x".repeat(32 * 1024 - 16));
        assertThatCode(() -> EnvironmentRules.checkSet(variables)).doesNotThrowAnyException();
        variables.put("K8", "x".repeat(100));
        assertThatThrownBy(() -> EnvironmentRules.checkSet(variables))
                .hasMessageStartingWith("variables would be 262246 bytes of keys and values");
    }
}
