package dev.paas.build.catalog;

import dev.paas.build.BuildProperties;
import dev.paas.build.stack.ConfiguredRuntimeImages;
import dev.paas.build.stack.RuntimeImages;
import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database-backed runtime catalog: the admin API's {@link Runtimes} and the {@link RuntimeImages} detection
 * reads (primary over a configuration-backed one), seeded from {@code paas.build.runtimes} on the first start.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    RuntimeEntries runtimeEntries(JdbcTemplate jdbc) {
        return new RuntimeEntries(jdbc);
    }

    @Bean
    @Primary
    CatalogRuntimeImages catalogRuntimeImages(RuntimeEntries entries, CatalogProperties properties) {
        return new CatalogRuntimeImages(entries, properties.refreshInterval(), System::nanoTime);
    }

    @Bean
    Runtimes runtimes(RuntimeEntries entries, CatalogRuntimeImages images, PlatformTransactionManager transactions,
            Clock clock) {
        return new Runtimes(entries, images, new TransactionTemplate(transactions), clock);
    }

    /** Seeds while the context starts, before the web server and the build worker take work. */
    @Bean
    InitializingBean catalogSeeding(RuntimeEntries entries, PlatformTransactionManager transactions, Clock clock,
            BuildProperties properties) {
        return () -> new CatalogSeed(entries, new TransactionTemplate(transactions), clock)
                .seed(ConfiguredRuntimeImages.from(properties.runtimes()).all());
    }
}
