package dev.paas.billing.web;

import dev.paas.billing.accounts.AccountLifecycle;
import dev.paas.security.CurrentUser;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the caller's account stands, for the dashboard's in-app notice: low balance, the grace period's end, the
 * suspension. Always the caller's own account, so there is nothing of anyone else's to ask for.
 */
@RestController
class AccountController {

    private final AccountLifecycle accounts;
    private final String currency;

    AccountController(AccountLifecycle accounts, @Value("${paas.billing.currency:USD}") String currency) {
        this.accounts = accounts;
        this.currency = currency;
    }

    @GetMapping("/api/v1/billing/account")
    AccountView account(CurrentUser user) {
        return accounts.standing(user.id())
                .map(s -> new AccountView(state(s), s.balance().toPlainString(), currency, s.low(), s.graceEndsAt(),
                        s.suspendedAt()))
                .orElse(new AccountView("ACTIVE", "0.0000", currency, false, null, null));
    }

    private static String state(AccountLifecycle.Standing standing) {
        if (standing.suspendedAt() != null) {
            return "SUSPENDED";
        }
        if (standing.graceEndsAt() != null) {
            return "GRACE";
        }
        return standing.low() ? "LOW" : "ACTIVE";
    }

    /**
     * The account's standing.
     *
     * @param state {@code ACTIVE}, {@code LOW} (below the low-balance threshold), {@code GRACE} (at or below zero,
     *     suspended at {@code graceEndsAt} unless topped up) or {@code SUSPENDED}
     * @param balance the last booked balance, an exact decimal as text
     */
    record AccountView(String state, String balance, String currency, boolean low, Instant graceEndsAt,
            Instant suspendedAt) {
    }
}
