package dev.paas.contracts.billing;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
import java.util.UUID;

/**
 * A wallet's balance fell below its low-balance threshold (by default 24 hours of the account's current burn rate):
 * emitted by billing-service once per fall; a top-up above the threshold re-arms it.
 *
 * @param userId the account
 * @param balance the balance, an exact decimal as text ({@code 1.2500})
 * @param currency ISO 4217 ({@code USD})
 * @param threshold the threshold it fell below, an exact decimal as text
 * @param hourlyBurn what the account is charged per hour now, an exact decimal as text
 */
@EventType(name = "billing.wallet-low", version = 1)
public record WalletLow(UUID userId, String balance, String currency, String threshold, String hourlyBurn)
        implements IntegrationEvent {

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
