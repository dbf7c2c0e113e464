package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.identity.Api;
import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Throttling of failed sign-ins per email and per client address, with the default limits. */
class LoginLockoutIT extends IdentityIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void slowsDownThenLocksAnEmailEvenForTheRightPassword() {
        api().register("target@example.com");
        Api attacker = api().from("10.2.0.1");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.login("target@example.com", "guess number " + i).status()).isEqualTo(401);
        }
        Response slowedDown = attacker.login("target@example.com", "guess number 3");
        assertThat(slowedDown.status()).isEqualTo(429);
        assertThat(slowedDown.header("Retry-After")).isEqualTo("1");
        assertThat(slowedDown.header("Content-Type")).startsWith("application/problem+json");

        // Fourth and fifth failures, each once the wait is over; the fifth locks the email.
        failOnceAllowed(attacker, "target@example.com");
        failOnceAllowed(attacker, "target@example.com");

        Response locked = api().from("10.2.0.2").login("target@example.com", Api.PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(890L, 900L);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.locked-out'"
                + " and target = 'target@example.com' and detail->>'scope' = 'email'", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.sign-in-failed'"
                + " and target = 'target@example.com' and client_ip = '10.2.0.1'", Integer.class)).isEqualTo(5);
    }

    @Test
    void throttlesUnknownEmailsExactlyLikeKnownOnes() {
        Api attacker = api().from("10.3.0.1");
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.login("ghost@example.com", "guess number " + i).status()).isEqualTo(401);
        }
        Response slowedDown = attacker.login("ghost@example.com", "guess number 3");
        assertThat(slowedDown.status()).isEqualTo(429);
        assertThat(slowedDown.header("Retry-After")).isEqualTo("1");
    }

    @Test
    void resetsTheCountAfterASuccess() {
        api().register("forgetful@example.com");
        Api user = api().from("10.4.0.1");
        assertThat(user.login("forgetful@example.com", "not my password").status()).isEqualTo(401);
        assertThat(user.login("forgetful@example.com", "not it either").status()).isEqualTo(401);
        assertThat(user.login("forgetful@example.com", Api.PASSWORD).status()).isEqualTo(200);
        assertThat(user.login("forgetful@example.com", "oops again").status()).isEqualTo(401);
        assertThat(user.login("forgetful@example.com", "and again!").status()).isEqualTo(401);
        assertThat(user.login("forgetful@example.com", "third time").status()).isEqualTo(401);
        assertThat(user.login("forgetful@example.com", Api.PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void locksAnAddressAfterTwentyFailures() {
        api().register("innocent@example.com");
        Api sprayer = api().from("10.5.0.1");
        for (int i = 0; i < 20; i++) {
            Response failed = sprayer.login("spray" + i + "@example.com", "password " + i + "!");
            assertThat(failed.status()).as("attempt " + i).isEqualTo(401);
        }
        Response blocked = sprayer.login("innocent@example.com", Api.PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(890L, 900L);

        assertThat(api().from("10.5.0.2").login("innocent@example.com", Api.PASSWORD).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'auth.locked-out'"
                + " and target = '10.5.0.1' and detail->>'scope' = 'address'", Integer.class)).isEqualTo(1);
    }

    private void failOnceAllowed(Api attacker, String email) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> attacker.login(email, "patient guess").status() != 429);
    }
}
