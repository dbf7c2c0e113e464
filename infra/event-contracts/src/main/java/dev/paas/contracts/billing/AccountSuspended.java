package dev.paas.contracts.billing;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * An account's grace period ended with its balance at or below zero: emitted by billing-service once. runtime-service
 * suspends the account's apps (containers stopped, images and data kept) and database-service stops its databases
 * (volumes kept), until {@link AccountReinstated}.
 *
 * @param userId the account
 * @param balance the balance, an exact decimal as text
 * @param currency ISO 4217
 * @param reason for the account's owner ({@code the balance stayed at -0.42 USD through the 24 h grace period})
 */
@EventType(name = "billing.account-suspended", version = 1)
public record AccountSuspended(UUID userId, String balance, String currency, String reason)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
