package dev.paas.runtime.domains;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.problems.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNameTest {

    private static final String BASE = "paas.example.net";

    @Test
    void lowerCasesAndDropsTheTrailingDot() {
        assertThat(DomainName.parse("  Shop.Example.COM. ", BASE).value()).isEqualTo("shop.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "a.b", "x-1.example.co.uk", "0a.example.com", "xn--bcher-kva.example"})
    void acceptsHostNamesOfTwoOrMoreLabels(String host) {
        assertThat(DomainName.parse(host, BASE).value()).isEqualTo(host);
    }

    @Test
    void acceptsLabelsOf63AndNamesOf253Characters() {
        String label63 = "a".repeat(63);
        assertThat(DomainName.parse(label63 + ".com", BASE).value()).hasSize(67);
        String name253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));
        assertThat(name253).hasSize(253);
        assertThat(DomainName.parse(name253, BASE).value()).isEqualTo(name253);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|must not be empty",
        "'   '|must not be empty",
        "localhost|at least two labels",
        "*.example.com|wildcard",
        "shop.*.com|wildcard",
        "127.0.0.1|IP address",
        "10.0.0.1.|IP address",
        "::1|IP address",
        "[2001:db8::1]|IP address",
        "example.com:8080|port",
        "-shop.example.com|invalid label '-shop'",
        "shop-.example.com|invalid label 'shop-'",
        "sh_op.example.com|invalid label 'sh_op'",
        "shop example.com|invalid label",
        "bücher.example|invalid label",
        "shop..example.com|empty label",
        ".example.com|empty label",
        "paas.example.net|platform's",
        "PAAS.example.net.|platform's",
        "app.paas.example.net|platform's",
        "a.b.paas.example.net|platform's"
    })
    void refusesWhatIsNoCustomHostName(String input, String problem) {
        assertThatThrownBy(() -> DomainName.parse(input, BASE))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("domain"))
                .hasMessageContaining(problem);
    }

    @Test
    void refusesNullAsEmpty() {
        assertThatThrownBy(() -> DomainName.parse(null, BASE)).hasMessage("domain must not be empty");
    }

    @Test
    void refusesLabelsOver63AndNamesOver253Characters() {
        assertThatThrownBy(() -> DomainName.parse("a".repeat(64) + ".com", BASE))
                .hasMessageContaining("longer than 63");
        String name254 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
        assertThatThrownBy(() -> DomainName.parse(name254, BASE)).hasMessageContaining("at most 253");
    }

    @Test
    void aNameThatOnlyEndsLikeTheBaseDomainIsNotThePlatforms() {
        assertThat(DomainName.parse("mypaas.example.net", BASE).value()).isEqualTo("mypaas.example.net");
    }
}
