package dev.paas.billing.wallets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Property-style tests of the ledger on PostgreSQL: random sequences of entries, replays and concurrent bookings of
 * one account. Whatever happens, the account's balance is the sum of its entries, each entry's balance_after is the
 * previous one's plus its amount, and a reference is booked once.
 */
// Closed after the class: its context, on a database of its own, would otherwise keep consuming the test bus's
// events as a replica of other classes' contexts, into the wrong database.
@DirtiesContext
@ServiceComponentTest(database = "paas_billing_test", freshDatabase = true)
class LedgerWalletsIT extends SecuredComponentTest {

    @Autowired
    LedgerWallets wallets;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BalanceEvents balanceEvents;

    @Test
    void randomSequencesWithReplaysAlwaysSumToTheBalanceAndChainBalanceAfter() {
        Random random = new Random(42);
        for (int account = 0; account < 20; account++) {
            UUID user = UUID.randomUUID();
            List<String> references = new ArrayList<>();
            BigDecimal expected = Amounts.ZERO;
            int entries = 1 + random.nextInt(40);
            for (int i = 0; i < entries; i++) {
                boolean replay = !references.isEmpty() && random.nextInt(4) == 0;
                String reference = replay ? references.get(random.nextInt(references.size()))
                        : "test:" + UUID.randomUUID();
                BigDecimal amount = randomAmount(random);
                EntryKind kind = EntryKind.values()[random.nextInt(EntryKind.values().length)];
                LedgerEntry entry = wallets.append(user, kind, amount, "entry " + i, reference, null);
                if (!replay) {
                    references.add(reference);
                    expected = expected.add(Amounts.exact(amount));
                    assertThat(entry.balanceAfter()).isEqualTo(expected);
                } else {
                    assertThat(entry.reference()).isEqualTo(reference);
                }
            }
            assertThat(wallets.balance(user)).isEqualTo(expected);
            assertLedgerIsConsistent(user, references.size());
        }
    }

    @Test
    void concurrentBookingsOfOneAccountChainAndNeverBookAReferenceTwice() throws Exception {
        UUID user = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(threads.submit(() -> {
                    // Every thread books the same 25 references: each must be booked once in all.
                    for (int i = 0; i < 25; i++) {
                        wallets.append(user, EntryKind.CHARGE, new BigDecimal("-0.0100"), "charge " + i,
                                "charge:test:" + user + ":" + i, null);
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(wallets.balance(user)).isEqualTo(new BigDecimal("-0.2500"));
        assertLedgerIsConsistent(user, 25);
    }

    @Test
    void publishesBalanceChangedOncePerBookingAndNotOnAReplay() {
        UUID user = UUID.randomUUID();
        String reference = "stripe:cs_" + UUID.randomUUID();
        wallets.append(user, EntryKind.TOP_UP, new BigDecimal("10.00"), "top-up", reference, null);
        wallets.append(user, EntryKind.TOP_UP, new BigDecimal("10.00"), "top-up", reference, null);

        assertThat(balanceEvents.of(user)).singleElement().satisfies(changed -> {
            assertThat(changed.balance()).isEqualTo(new BigDecimal("10.0000"));
            assertThat(changed.entry().reference()).isEqualTo(reference);
        });
        assertThat(wallets.find(reference)).hasValueSatisfying(entry ->
                assertThat(entry.amount()).isEqualTo(new BigDecimal("10.0000")));
    }

    @Test
    void refusesZeroAndOverPreciseAmountsAndChangesNothing() {
        UUID user = UUID.randomUUID();
        assertThatThrownBy(() -> wallets.append(user, EntryKind.ADJUSTMENT, new BigDecimal("-0.00"), "zero",
                "test:" + UUID.randomUUID(), null)).hasMessageContaining("zero");
        assertThatThrownBy(() -> wallets.append(user, EntryKind.ADJUSTMENT, new BigDecimal("0.00001"), "tiny",
                "test:" + UUID.randomUUID(), null)).hasMessageContaining("more than 4 decimals");
        assertThat(wallets.balance(user)).isEqualTo(Amounts.ZERO);
        assertThat(wallets.recent(user, 10)).isEmpty();
    }

    private void assertLedgerIsConsistent(UUID user, int entries) {
        List<BigDecimal[]> rows = jdbc.query(
                "select amount, balance_after from ledger_entries where user_id = ? order by seq",
                (rs, n) -> new BigDecimal[] {rs.getBigDecimal(1), rs.getBigDecimal(2)}, user);
        assertThat(rows).hasSize(entries);
        BigDecimal running = BigDecimal.ZERO;
        for (BigDecimal[] row : rows) {
            running = running.add(row[0]);
            assertThat(row[1]).isEqualByComparingTo(running);
        }
        assertThat(jdbc.queryForObject("select coalesce(sum(amount), 0) from ledger_entries where user_id = ?",
                BigDecimal.class, user)).isEqualByComparingTo(wallets.balance(user));
        assertThat(jdbc.queryForObject("select max(seq) - min(seq) + 1 from ledger_entries where user_id = ?",
                Long.class, user)).isEqualTo(entries);
    }

    private static BigDecimal randomAmount(Random random) {
        long units = 0;
        while (units == 0) {
            units = random.nextLong(-50_0000L, 50_0000L);
        }
        return BigDecimal.valueOf(units, random.nextInt(5)).setScale(4).stripTrailingZeros();
    }

    /** Records every {@link BalanceChanged} the wallets publish. */
    @TestConfiguration
    static class BalanceEvents {

        private final List<BalanceChanged> received = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(BalanceChanged changed) {
            received.add(changed);
        }

        List<BalanceChanged> of(UUID user) {
            return received.stream().filter(changed -> changed.userId().equals(user)).toList();
        }
    }
}
