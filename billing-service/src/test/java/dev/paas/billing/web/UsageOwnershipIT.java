package dev.paas.billing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.messaging.testing.EventBus;
import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A project's usage is its owner's: others get the answer an unknown project gets. */
@ServiceComponentTest(database = "paas_billing_test")
class UsageOwnershipIT extends SecuredComponentTest {

    private final EventBus bus = EventBus.shared();

    private final UUID owner = UUID.randomUUID();
    private final UUID stranger = UUID.randomUUID();
    private final UUID projectId = UUID.randomUUID();

    @BeforeEach
    void ownersContainerRuns() throws Exception {
        bus.publish(new ContainerStarted(UUID.randomUUID(), projectId, "c1", 512L << 20, 500_000_000L, owner));
        await().atMost(Duration.ofSeconds(20)).until(() -> usage(projectId, owner).statusCode() == 200);
    }

    @Test
    void answersAnotherUsersProjectLikeAnUnknownOne() throws Exception {
        UUID unknown = UUID.randomUUID();
        HttpResponse<String> foreign = usage(projectId, stranger);
        HttpResponse<String> missing = usage(unknown, stranger);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(foreign.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(foreign.body().replace(projectId.toString(), "ID"))
                .isEqualTo(missing.body().replace(unknown.toString(), "ID"));
        assertThat(usage(projectId, owner).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesRequestsWithoutAValidToken() throws Exception {
        String path = "/api/v1/billing/projects/" + projectId + "/usage";
        for (String token : new String[] {null, tokens.expired(owner), tokens.algNone(owner), tokens.otherKey(owner),
                tokens.wrongIssuer(owner)}) {
            HttpResponse<String> response = get(path, token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
        }
    }

    private HttpResponse<String> usage(UUID project, UUID caller) throws Exception {
        return get("/api/v1/billing/projects/" + project + "/usage", caller);
    }
}
