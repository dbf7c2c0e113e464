package dev.paas.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.MergedContextConfiguration;

/** A context with {@code freshDatabase} runs on an empty database of its own, dropped when the context closes. */
class FreshDatabaseIT {

    @Test
    void dropsTheContextsDatabaseWhenTheContextCloses() {
        var customizer = new ServiceComponentTestCustomizer("paas_fixtures_test", true, java.util.List.of());
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
                .web(org.springframework.boot.WebApplicationType.NONE)
                .initializers(c -> customizer.customizeContext(c, (MergedContextConfiguration) null))
                .run();
        String database = context.getBean(JdbcTemplate.class).queryForObject("select current_database()",
                String.class);
        String url = context.getEnvironment().getProperty("spring.datasource.url");

        assertThat(database).startsWith("paas_fixtures_test_fresh_");
        context.close();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("does not exist");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
