package dev.paas.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;

/** What {@link ServiceComponentTest} gives a context, and that the test's own settings win. */
@ServiceComponentTest(database = "paas_fixtures_test", webEnvironment = SpringBootTest.WebEnvironment.NONE,
        defaults = ServiceComponentTestIT.Defaults.class, properties = "fixture.overridden=by the test")
class ServiceComponentTestIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void runsAgainstTheServicesTestDatabase() {
        assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("paas_fixtures_test");
    }

    @Test
    void pointsTheBinderAtTheSharedJetStreamServer() throws Exception {
        String url = environment.getProperty("spring.cloud.stream.jetstream.binder.url");

        assertThat(url).isEqualTo(NatsServerProcess.shared().url());
        try (Socket ignored = new Socket("127.0.0.1", Integer.parseInt(url.substring(url.lastIndexOf(':') + 1)))) {
            assertThat(ignored.isConnected()).isTrue();
        }
    }

    @Test
    void addsTheServicesDefaultsBelowTheTestsOwnProperties() {
        assertThat(environment.getProperty("fixture.default")).isEqualTo("from the defaults");
        assertThat(environment.getProperty("fixture.overridden")).isEqualTo("by the test");
    }

    /** A service's defaults. */
    static final class Defaults implements ComponentTestDefaults {

        @Override
        public void register(DynamicPropertyRegistry registry) {
            registry.add("fixture.default", () -> "from the defaults");
            registry.add("fixture.overridden", () -> "from the defaults");
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
