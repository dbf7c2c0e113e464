package dev.paas.contracts.billing;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A suspended account's balance is above zero again (a top-up or an adjustment): emitted by billing-service once.
 * Whatever {@link AccountSuspended} stopped is started again.
 *
 * @param userId the account
 * @param balance the balance, an exact decimal as text
 * @param currency ISO 4217
 */
@EventType(name = "billing.account-reinstated", version = 1)
public record AccountReinstated(UUID userId, String balance, String currency) implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
