package dev.paas.identity.login;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How hard failed sign-ins are throttled ({@code paas.identity.login.*}).
 *
 * @param delayAfter consecutive failures of one email after which each attempt must wait
 *     {@code baseDelay * 2^(failures - delayAfter)}
 * @param baseDelay the first of those waits
 * @param lockAfter consecutive failures of one email that lock it for {@code lockDuration}, right password or not
 * @param lockDuration how long such a lock lasts; failures older than this are forgotten
 * @param addressMaxFailures failures from one client address within {@code addressWindow} that lock the address
 * @param addressWindow the sliding window those are counted in
 * @param addressLockDuration how long an address lock lasts
 */
@ConfigurationProperties("paas.identity.login")
public record LoginLimits(
        @DefaultValue("3") int delayAfter,
        @DefaultValue("1s") Duration baseDelay,
        @DefaultValue("5") int lockAfter,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("20") int addressMaxFailures,
        @DefaultValue("15m") Duration addressWindow,
        @DefaultValue("15m") Duration addressLockDuration) {

    public LoginLimits {
        if (delayAfter < 1 || lockAfter < 1 || addressMaxFailures < 1) {
            throw new IllegalArgumentException("paas.identity.login: failure counts must be at least 1");
        }
    }

    /** The defaults the spec asks for. */
    public static LoginLimits defaults() {
        return new LoginLimits(3, Duration.ofSeconds(1), 5, Duration.ofMinutes(15), 20, Duration.ofMinutes(15),
                Duration.ofMinutes(15));
    }
}
