package dev.paas.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

    private final LoginPolicy policy = new LoginPolicy(LoginLimits.defaults());
    private final Instant t0 = Instant.parse("2026-01-01T10:00:00Z");

    private EmailFailures failTimes(int times, Duration spacing) {
        EmailFailures state = EmailFailures.none("a@example.com");
        for (int i = 0; i < times; i++) {
            state = policy.afterFailure(state, t0.plus(spacing.multipliedBy(i)));
        }
        return state;
    }

    @Test
    void letsTheFirstThreeFailuresThroughWithoutWaiting() {
        EmailFailures state = failTimes(2, Duration.ZERO);
        assertThat(policy.waitBeforeAttempt(state, t0)).isEmpty();
    }

    @Test
    void makesTheFourthAttemptWaitOneSecondAndTheFifthTwo() {
        EmailFailures three = failTimes(3, Duration.ZERO);
        assertThat(policy.waitBeforeAttempt(three, t0)).contains(Duration.ofSeconds(1));
        assertThat(policy.waitBeforeAttempt(three, t0.plusMillis(400))).contains(Duration.ofMillis(600));
        assertThat(policy.waitBeforeAttempt(three, t0.plusSeconds(1))).isEmpty();

        EmailFailures four = policy.afterFailure(three, t0.plusSeconds(1));
        assertThat(four.failures()).isEqualTo(4);
        assertThat(four.lockedUntil()).isNull();
        assertThat(policy.waitBeforeAttempt(four, t0.plusSeconds(1))).contains(Duration.ofSeconds(2));
        assertThat(policy.waitBeforeAttempt(four, t0.plusSeconds(3))).isEmpty();
    }

    @Test
    void locksForFifteenMinutesAtTheFifthFailure() {
        EmailFailures five = failTimes(5, Duration.ofSeconds(10));
        Instant fifth = t0.plusSeconds(40);
        assertThat(five.lockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(policy.waitBeforeAttempt(five, fifth.plusSeconds(60)))
                .contains(Duration.ofMinutes(14));
        assertThat(policy.lockedBy(failTimes(4, Duration.ofSeconds(10)), five, fifth)).isTrue();
    }

    @Test
    void startsCountingAfreshWhenTheLockEnds() {
        EmailFailures five = failTimes(5, Duration.ofSeconds(10));
        Instant afterLock = five.lockedUntil().plusMillis(1);
        assertThat(policy.waitBeforeAttempt(five, afterLock)).isEmpty();
        EmailFailures next = policy.afterFailure(five, afterLock);
        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.lockedUntil()).isNull();
    }

    @Test
    void forgetsFailuresOlderThanTheLockDuration() {
        EmailFailures four = failTimes(4, Duration.ZERO);
        Instant later = t0.plus(Duration.ofMinutes(16));
        assertThat(policy.waitBeforeAttempt(four, later)).isEmpty();
        assertThat(policy.afterFailure(four, later).failures()).isEqualTo(1);
    }

    @Test
    void followsConfiguredLimits() {
        LoginPolicy strict = new LoginPolicy(new LoginLimits(1, Duration.ofSeconds(5), 2, Duration.ofHours(1), 20,
                Duration.ofMinutes(15), Duration.ofMinutes(15)));
        EmailFailures one = strict.afterFailure(EmailFailures.none("b@example.com"), t0);
        assertThat(strict.waitBeforeAttempt(one, t0)).contains(Duration.ofSeconds(5));
        EmailFailures two = strict.afterFailure(one, t0.plusSeconds(5));
        assertThat(two.lockedUntil()).isEqualTo(t0.plusSeconds(5).plus(Duration.ofHours(1)));
    }

    @Test
    void roundsRetryAfterUpToWholeSeconds() {
        assertThat(new LoginThrottledException(Duration.ofMillis(600)).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginThrottledException(Duration.ofMillis(1001)).retryAfterSeconds()).isEqualTo(2);
        assertThat(new LoginThrottledException(Duration.ofMinutes(15)).retryAfterSeconds()).isEqualTo(900);
    }
}
