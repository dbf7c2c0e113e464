package dev.paas.billing.accounts;

import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The account lifecycle's settings and its clock (a test replaces the clock to move time instead of waiting). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AccountsConfiguration {

    @Bean
    AccountRules accountRules(@Value("${paas.billing.low-balance-hours:24}") int lowBalanceHours,
            @Value("${paas.billing.grace-period:24h}") Duration gracePeriod,
            @Value("${paas.billing.currency:USD}") String currency) {
        return new AccountRules(lowBalanceHours, gracePeriod, currency);
    }

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock() {
        return Clock.systemUTC();
    }
}
