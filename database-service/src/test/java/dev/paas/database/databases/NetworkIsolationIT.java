package dev.paas.database.databases;

import static dev.paas.database.databases.DockerCli.docker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.OwnerNetworks;
import dev.paas.testing.ServiceCalls;
import dev.paas.testing.ServiceComponentTest;
import dev.paas.tokens.testing.TestTokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A database is reachable from the owner's private network only: a container on another owner's network can
 * neither resolve its alias nor connect to its address, while one on the owner's network connects.
 */
@ServiceComponentTest(database = "paas_database_test")
class NetworkIsolationIT {

    private static TestTokens tokens;

    @LocalServerPort
    int port;

    @Autowired
    DockerClient docker;

    @Autowired
    DockerCalls calls;

    private final UUID owner = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
    }

    @AfterEach
    void cleanUp() {
        DatabasesIT.deleteAll(port, owner);
        DockerCli.removeEverythingOf(owner, OwnerNetworks.networkOf(owner));
        DockerCli.removeEverythingOf(other, OwnerNetworks.networkOf(other));
    }

    @Test
    void onlyContainersOnTheOwnersNetworkReachTheDatabase() {
        HttpResponse<String> created = ServiceCalls.on(port).send("POST", "/api/v1/databases",
                "{\"type\":\"postgresql\",\"name\":\"private\"}", tokens.user(owner));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        UUID id = UUID.fromString(DatabasesIT.json(created).get("id").asString());
        await().atMost(Duration.ofSeconds(90)).until(() -> "RUNNING".equals(state(id)));
        String alias = DatabaseSpec.networkAliasOf(id);
        String ownNetwork = OwnerNetworks.networkOf(owner);
        String address = docker("inspect", "-f", "{{(index .NetworkSettings.Networks \"" + ownNetwork
                + "\").IPAddress}}", "paas-db-" + id).output();
        assertThat(address).matches("10\\.\\d+\\.\\d+\\.\\d+");
        String otherNetwork = new OwnerNetworks(docker, calls).ensure(other);

        assertThat(probe(ownNetwork, owner, alias).ok()).as("the owner's network reaches it").isTrue();
        assertThat(probe(otherNetwork, other, alias).ok()).as("another owner's network cannot resolve it").isFalse();
        assertThat(probe(otherNetwork, other, address).ok()).as("nor connect to its address").isFalse();
    }

    private String state(UUID id) {
        JsonNode view = DatabasesIT.json(ServiceCalls.on(port).get("/api/v1/databases/" + id, tokens.user(owner)));
        return view.get("state").asString();
    }

    /** A handful of connection attempts to {@code host}:5432 from a container on {@code network}. */
    private static DockerCli.Result probe(String network, UUID labelOwner, String host) {
        return docker("run", "--rm", "--network", network, "--label", "paas.owner-id=" + labelOwner,
                "--name", "paas-probe-" + UUID.randomUUID(), "paas/base:bookworm", "bash", "-c",
                "for i in 1 2 3; do timeout 3 bash -c 'exec 3<>/dev/tcp/" + host + "/5432' && exit 0; sleep 1; done;"
                        + " exit 1");
    }
}
