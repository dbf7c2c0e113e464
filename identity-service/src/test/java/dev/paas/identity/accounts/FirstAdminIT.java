package dev.paas.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.identity.IdentityIntegrationTest;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** Registrations racing on an empty platform: exactly one of them becomes the admin. */
// An empty platform of its own (its database is dropped with the context), which its registrations fill: no other
// class can use the context after it.
@DirtiesContext
@TestPropertySource(properties = "paas.identity.admin-emails=boss@example.com, ops@example.com")
class FirstAdminIT extends IdentityIntegrationTest {

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void makesExactlyOneOfSimultaneousFirstRegistrationsAdmin() throws Exception {
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Callable<Account>> registrations = IntStream.range(0, racers)
                    .mapToObj(i -> (Callable<Account>) () -> {
                        start.await();
                        return i % 2 == 0 ? accounts.register("racer" + i + "@example.com", "racing password", "::1")
                                : accounts.registerExternal("racer" + i + "@example.com");
                    })
                    .toList();
            List<Future<Account>> results = registrations.stream().map(pool::submit).toList();
            start.countDown();
            long admins = 0;
            for (Future<Account> result : results) {
                admins += result.get().admin() ? 1 : 0;
            }
            assertThat(admins).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from accounts where role = 'admin'", Integer.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'account.registered' "
                + "and detail->>'method' = 'github'", Integer.class)).isEqualTo(racers / 2);
    }

    @Test
    void makesAccountsWithConfiguredAdminEmailsAdminsAndNobodyElse() {
        accounts.register("early@example.com", "a long enough password", "::1");

        assertThat(accounts.register(" BOSS@example.com", "a long enough password", "::1").admin()).isTrue();
        assertThat(accounts.registerExternal("ops@example.com").admin()).isTrue();
        assertThat(accounts.register("worker@example.com", "a long enough password", "::1").admin()).isFalse();
    }

    @Test
    void refusesAnExternalRegistrationOfATakenEmail() {
        accounts.registerExternal("external@example.com");
        assertThatThrownBy(() -> accounts.registerExternal(" External@example.com"))
                .isInstanceOf(EmailTakenException.class);
        assertThat(accounts.findByEmail("EXTERNAL@example.com")).get().extracting(Account::hasPassword)
                .isEqualTo(false);
    }
}
