package dev.paas.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailsTest {

    @Test
    void normalisesByTrimmingAndLowerCasing() {
        assertThat(Emails.normalise("  Ada.Lovelace@Example.COM\t")).isEqualTo("ada.lovelace@example.com");
        assertThat(Emails.normalise(null)).isEmpty();
    }

    @Test
    void acceptsOrdinaryAddresses() {
        assertThat(Emails.problemWith("ada+paas@mail.example.co.uk")).isEmpty();
    }

    @Test
    void refusesWhatIsNoEmailAddress() {
        assertThat(Emails.problemWith("")).contains("must not be empty");
        assertThat(Emails.problemWith("ada")).isPresent();
        assertThat(Emails.problemWith("ada@localhost")).isPresent();
        assertThat(Emails.problemWith("a da@example.com")).isPresent();
        assertThat(Emails.problemWith("ada@@example.com")).isPresent();
        assertThat(Emails.problemWith("a".repeat(250) + "@example.com")).isPresent();
    }
}
