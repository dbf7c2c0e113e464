package dev.paas.runtime.environment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The key ring as configuration binds it: a missing or short key stops the start with a message naming it. */
class EnvironmentConfigurationTest {

    private static final String KEY = "bHEhPVPDRyfMWZuHCWfJBnTcQahElUfPkzA60dPO3Ts=";
    private static final String OLD = "H0iYu1qlbukslHW0w9qMe2IyuvdvzaK2sU/Drt6KrUQ=";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Ring.class);

    @Test
    void sealsUnderTheFirstConfiguredKey() {
        context.withPropertyValues("paas.runtime.env.keys[0].id=new", "paas.runtime.env.keys[0].key=" + KEY,
                        "paas.runtime.env.keys[1].id=old", "paas.runtime.env.keys[1].key=" + OLD)
                .run(started -> {
                    EnvironmentKeys keys = started.getBean(EnvironmentKeys.class);
                    assertThat(keys.currentId()).isEqualTo("new");
                    assertThat(keys.ids()).containsExactly("new", "old");
                });
    }

    @Test
    void doesNotStartWithoutAKey() {
        context.withPropertyValues("paas.runtime.env.keys[0].id=", "paas.runtime.env.keys[0].key=")
                .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageStartingWith("paas.runtime.env.keys[0].key (PAAS_ENV_KEY) is not set"));
        context.run(started -> assertThat(started).hasFailed().getFailure().rootCause()
                .hasMessageStartingWith("paas.runtime.env.keys is empty"));
    }

    @Test
    void doesNotStartWithAShortKey() {
        context.withPropertyValues("paas.runtime.env.keys[0].key=c2hvcnQ=")
                .run(started -> assertThat(started).hasFailed().getFailure()
                        .hasStackTraceContaining("paas.runtime.env.keys[0].key (PAAS_ENV_KEY) must be 32 bytes, "
                                + "base64-encoded: the key must be 32 bytes (256 bits)"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EnvironmentProperties.class)
    @Import(EnvironmentConfiguration.class)
    static class Ring {
    }
}
