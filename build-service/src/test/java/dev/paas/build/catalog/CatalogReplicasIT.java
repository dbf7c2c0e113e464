package dev.paas.build.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.build.BuildProperties;
import dev.paas.build.BuildServiceApplication;
import dev.paas.build.stack.RuntimeImage;
import dev.paas.build.stack.RuntimeImages;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.FreshDatabase;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.SimultaneousStarts;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two build-service replicas on one database, started together: they seed the catalog once, and an admin's edit
 * through one is what the other's detection reads within seconds. API only: no Docker engine is needed.
 */
class CatalogReplicasIT {

    private static final RuntimeImage NODE_24 = new RuntimeImage("node", "24", "node:24-bookworm-slim",
            "node:24-bookworm-slim");

    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

    @RegisterExtension
    final FreshDatabase database = FreshDatabase.perTest("paas_build_catalog_replicas_it");

    @AfterEach
    void stopReplicas() {
        replicas.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void bothReplicasSeeAnEditMadeThroughEither() throws Exception {
        EventBus bus = EventBus.shared();
        replicas.addAll(SimultaneousStarts.of(2, Duration.ofMinutes(3), () -> start(bus)));
        ConfigurableApplicationContext first = replicas.get(0);
        ConfigurableApplicationContext second = replicas.get(1);
        assertThat(database.jdbc().queryForObject("select count(*) from runtime_images", Integer.class))
                .as("seeded once").isEqualTo(first.getBean(BuildProperties.class).runtimes().size());

        assertThat(admin(first, "POST", "/api/v1/admin/runtimes", """
                {"stack":"node","version":"24","buildImage":"node:24-bookworm-slim","runImage":"node:24-bookworm-slim"}""")
                .statusCode()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(images(second).images("node")).contains(NODE_24));

        UUID id = database.jdbc().queryForObject("select id from runtime_images where stack = 'node' and version = '24'",
                UUID.class);
        assertThat(admin(second, "DELETE", "/api/v1/admin/runtimes/" + id, null).statusCode()).isEqualTo(204);
        assertThat(images(second).images("node")).doesNotContain(NODE_24);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(images(first).images("node")).doesNotContain(NODE_24));
    }

    private static RuntimeImages images(ConfigurableApplicationContext replica) {
        return replica.getBean(RuntimeImages.class);
    }

    private static HttpResponse<String> admin(ConfigurableApplicationContext replica, String method,
            String path, String body) {
        int port = Integer.parseInt(replica.getEnvironment().getProperty("local.server.port"));
        return ServiceCalls.on(port).send(method, path, body, TestTokens.shared().admin(UUID.randomUUID()));
    }

    /** Arguments, as a replica's environment would be: they win over application.yaml. */
    private ConfigurableApplicationContext start(EventBus bus) {
        return new SpringApplicationBuilder(BuildServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.hikari.maximum-pool-size=3",
                "--spring.cloud.stream.jetstream.binder.url=" + bus.url(),
                "--paas.security.jwks-url=" + TestTokens.shared().jwksUrl(),
                "--paas.build.worker.enabled=false",
                "--spring.main.banner-mode=off");
    }
}
