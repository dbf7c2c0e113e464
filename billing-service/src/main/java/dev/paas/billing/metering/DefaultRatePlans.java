package dev.paas.billing.metering;

import dev.paas.billing.plans.AccountPlans;
import dev.paas.billing.plans.PlanTerms;
import dev.paas.billing.wallets.Amounts;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until plans are managed, every account is on one plan charging {@code paas.billing.default-hourly-rate} (0.0100)
 * per instance and hour. Stands back as soon as an {@link AccountPlans} of the plans feature exists.
 */
@Configuration(proxyBeanMethods = false)
class DefaultRatePlans {

    /** A fixed id, so the fallback plan reads the same in every replica. */
    static final UUID DEFAULT_PLAN = UUID.fromString("00000000-0000-7000-8000-000000000001");

    @Bean
    @ConditionalOnMissingBean(AccountPlans.class)
    AccountPlans defaultRateAccountPlans(@Value("${paas.billing.default-hourly-rate:0.0100}") BigDecimal rate) {
        PlanTerms terms = new PlanTerms(DEFAULT_PLAN, "default", Amounts.exact(rate));
        return (userId, at) -> terms;
    }
}
