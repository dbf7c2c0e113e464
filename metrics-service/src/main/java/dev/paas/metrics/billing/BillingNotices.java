package dev.paas.metrics.billing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users what billing-service decided about their account: a low balance, a suspension, a reinstatement. Each
 * fact becomes one {@link BillingNotice}, in the listener's transaction. A fact older than the newest one already
 * noticed for the user is dropped: arriving late, it would contradict what the user was told last.
 */
@Service
public class BillingNotices {

    static final String WALLET_LOW = "billing.wallet-low";
    static final String ACCOUNT_SUSPENDED = "billing.account-suspended";
    static final String ACCOUNT_REINSTATED = "billing.account-reinstated";

    private final NoticeWatermarks watermarks;
    private final ApplicationEventPublisher events;

    BillingNotices(NoticeWatermarks watermarks, ApplicationEventPublisher events) {
        this.watermarks = watermarks;
        this.events = events;
    }

    /** The wallet's balance fell below its threshold. */
    @Transactional
    public void walletLow(UUID id, UUID userId, String balance, String currency, String threshold,
            String hourlyBurn, Instant at) {
        Map<String, Object> facts = facts(id, userId, balance, currency, at);
        facts.put("threshold", threshold);
        facts.put("hourlyBurn", hourlyBurn);
        notice(new BillingNotice(id, userId, WALLET_LOW, "Your balance is low",
                NoticeWording.walletLow(balance, currency, threshold, hourlyBurn), facts, at));
    }

    /** The account was suspended: its apps and databases are stopped. */
    @Transactional
    public void accountSuspended(UUID id, UUID userId, String balance, String currency, String reason, Instant at) {
        Map<String, Object> facts = facts(id, userId, balance, currency, at);
        facts.put("reason", reason);
        notice(new BillingNotice(id, userId, ACCOUNT_SUSPENDED, "Your account is suspended",
                NoticeWording.accountSuspended(balance, currency, reason), facts, at));
    }

    /** The suspended account is active again. */
    @Transactional
    public void accountReinstated(UUID id, UUID userId, String balance, String currency, Instant at) {
        notice(new BillingNotice(id, userId, ACCOUNT_REINSTATED, "Your account is active again",
                NoticeWording.accountReinstated(balance, currency), facts(id, userId, balance, currency, at), at));
    }

    private void notice(BillingNotice notice) {
        if (watermarks.advance(notice.userId(), notice.at())) {
            events.publishEvent(notice);
        }
    }

    private static Map<String, Object> facts(UUID id, UUID userId, String balance, String currency, Instant at) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("id", id.toString());
        facts.put("userId", userId.toString());
        facts.put("balance", balance);
        facts.put("currency", currency);
        facts.put("occurredAt", at.toString());
        return facts;
    }
}
