package dev.paas.billing.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountStandingTest {

    private static final AccountRules RULES = new AccountRules(24, Duration.ofHours(24), "USD");
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final BigDecimal BURN = new BigDecimal("0.5000");

    private final AccountStanding standing = AccountStanding.opened(UUID.randomUUID());

    @Test
    void thresholdIsHoursTimesBurnExactly() {
        assertThat(RULES.lowBalanceThreshold(new BigDecimal("0.0274"))).isEqualByComparingTo("0.6576");
        assertThat(RULES.lowBalanceThreshold(new BigDecimal("0.0274")).scale()).isEqualTo(4);
    }

    @Test
    void registersWalletLowOncePerFallAndAgainAfterATopUpAboveTheThreshold() {
        assertThat(standing.balanceChanged(new BigDecimal("20"), BURN, T0, RULES)).isEmpty();
        List<Object> fall = standing.balanceChanged(new BigDecimal("11.5"), BURN, T0, RULES);
        assertThat(fall).singleElement().isInstanceOfSatisfying(AccountEvents.WalletLow.class, low -> {
            assertThat(low.balance()).isEqualByComparingTo("11.5");
            assertThat(low.threshold()).isEqualByComparingTo("12");
            assertThat(low.hourlyBurn()).isEqualByComparingTo("0.5");
        });
        assertThat(standing.balanceChanged(new BigDecimal("11"), BURN, T0, RULES)).isEmpty();
        assertThat(standing.balanceChanged(new BigDecimal("30"), BURN, T0, RULES)).isEmpty();
        assertThat(standing.balanceChanged(new BigDecimal("10"), BURN, T0, RULES)).hasSize(1);
    }

    @Test
    void suspendsOnlyOnceTheGracePeriodHasEnded() {
        standing.balanceChanged(new BigDecimal("-0.42"), BURN, T0, RULES);
        assertThat(standing.graceEndsAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        // A second charge during the grace period does not move its end.
        standing.balanceChanged(new BigDecimal("-0.92"), BURN, T0.plusSeconds(3600), RULES);
        assertThat(standing.graceEndsAt()).isEqualTo(T0.plus(Duration.ofHours(24)));

        assertThat(standing.graceChecked(T0.plus(Duration.ofHours(23)), RULES)).isEmpty();
        List<Object> ended = standing.graceChecked(T0.plus(Duration.ofHours(24)), RULES);
        assertThat(ended).singleElement().isInstanceOfSatisfying(AccountEvents.Suspended.class, s ->
                assertThat(s.reason()).isEqualTo("the balance stayed at -0.9200 USD through the 24 h grace period"));
        assertThat(standing.graceChecked(T0.plus(Duration.ofHours(25)), RULES)).isEmpty();
    }

    @Test
    void aTopUpAboveZeroClearsTheGraceAndReinstatesASuspendedAccount() {
        standing.balanceChanged(new BigDecimal("-1"), BURN, T0, RULES);
        assertThat(standing.balanceChanged(new BigDecimal("0.5"), BURN, T0.plusSeconds(60), RULES))
                .noneMatch(AccountEvents.Reinstated.class::isInstance);
        assertThat(standing.graceEndsAt()).isNull();
        assertThat(standing.graceChecked(T0.plus(Duration.ofDays(2)), RULES)).isEmpty();

        standing.balanceChanged(new BigDecimal("-1"), BURN, T0.plus(Duration.ofDays(3)), RULES);
        assertThat(standing.graceChecked(T0.plus(Duration.ofDays(4)), RULES)).hasSize(1);
        // Still at zero: not above it, so still suspended.
        assertThat(standing.balanceChanged(BigDecimal.ZERO, BURN, T0.plus(Duration.ofDays(5)), RULES)).isEmpty();
        List<Object> back = standing.balanceChanged(new BigDecimal("5"), BURN, T0.plus(Duration.ofDays(5)), RULES);
        assertThat(back).filteredOn(AccountEvents.Reinstated.class::isInstance).hasSize(1);
        assertThat(standing.isSuspended()).isFalse();
        assertThat(standing.balanceChanged(new BigDecimal("6"), BURN, T0.plus(Duration.ofDays(5)), RULES)).isEmpty();
    }

    @Test
    void aSuspendedAccountStaysSuspendedWithoutANewGracePeriod() {
        standing.balanceChanged(new BigDecimal("-1"), BURN, T0, RULES);
        standing.graceChecked(T0.plus(Duration.ofHours(24)), RULES);
        standing.balanceChanged(new BigDecimal("-2"), BURN, T0.plus(Duration.ofHours(30)), RULES);
        assertThat(standing.isSuspended()).isTrue();
        assertThat(standing.graceChecked(T0.plus(Duration.ofDays(3)), RULES)).isEmpty();
    }
}
