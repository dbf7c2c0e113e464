package dev.paas.billing.messaging;

import dev.paas.billing.accounts.AccountEvents;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.billing.WalletLow;
import dev.paas.messaging.outbox.Outbox;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the account lifecycle's facts into the published contracts ({@code paas.billing}), synchronously, so the
 * outbox row commits with the change of standing or not at all. Amounts travel as plain decimal strings.
 */
@Component
class AccountEventsPublisher {

    private final Outbox outbox;

    AccountEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(AccountEvents.WalletLow e) {
        outbox.append(new WalletLow(e.userId(), e.balance().toPlainString(), e.currency(),
                e.threshold().toPlainString(), e.hourlyBurn().toPlainString()));
    }

    @EventListener
    void on(AccountEvents.Suspended e) {
        outbox.append(new AccountSuspended(e.userId(), e.balance().toPlainString(), e.currency(), e.reason()));
    }

    @EventListener
    void on(AccountEvents.Reinstated e) {
        outbox.append(new AccountReinstated(e.userId(), e.balance().toPlainString(), e.currency()));
    }
}
