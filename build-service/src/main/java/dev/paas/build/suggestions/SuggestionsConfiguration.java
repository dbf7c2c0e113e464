package dev.paas.build.suggestions;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Environment suggestions: the scanner, the latest scan per project and the service the build runner calls. */
@Configuration(proxyBeanMethods = false)
class SuggestionsConfiguration {

    @Bean
    EnvSuggestions envSuggestions(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        return new EnvSuggestions(new EnvScanner(), new ProjectSuggestions(jdbc), new TransactionTemplate(transactions),
                clock);
    }
}
