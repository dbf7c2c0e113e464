package dev.paas.metrics.notifications;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of alert notifications ({@code paas.metrics.notifications}).
 *
 * @param smtp the administrator's SMTP server; without a host, e-mail channels are refused and never sent to
 * @param rateLimit how many notifications one channel gets per window; the excess is folded into the next one sent
 * @param rateWindow the window of the rate limit
 * @param retryDelays the waits after the 1st, 2nd... failed attempt; after the last one the delivery is FAILED
 * @param claimLease how long a worker owns a delivery it claimed before another replica may try it again
 * @param webhookTimeout how long a webhook may take to answer
 * @param worker whether this replica sends notifications (tests may run the worker themselves)
 */
@ConfigurationProperties("paas.metrics.notifications")
public record NotificationsProperties(@DefaultValue Smtp smtp, @DefaultValue("10") int rateLimit,
        @DefaultValue("1h") Duration rateWindow, @DefaultValue({"10s", "1m", "5m", "30m"}) List<Duration> retryDelays,
        @DefaultValue("2m") Duration claimLease, @DefaultValue("10s") Duration webhookTimeout,
        @DefaultValue("true") boolean worker) {

    /**
     * An SMTP server.
     *
     * @param host its host name; blank: e-mail is off
     * @param port its port
     * @param username the login, blank for none
     * @param password the password of the login
     * @param from the sender address of notifications
     * @param starttls whether to require STARTTLS
     */
    public record Smtp(String host, @DefaultValue("25") int port, String username, String password,
            @DefaultValue("paas@localhost") String from, @DefaultValue("false") boolean starttls) {

        boolean configured() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from
                    + ", starttls=" + starttls + "]";
        }
    }
}
