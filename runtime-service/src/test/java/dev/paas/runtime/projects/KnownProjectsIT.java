package dev.paas.runtime.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.EventBus;
import dev.paas.runtime.environment.ProjectEnvironment;
import dev.paas.runtime.testing.RuntimeIntegrationSupport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * runtime-service's copy of the projects, fed by {@code ProjectCreated} and {@code ProjectDeleted} on JetStream: a
 * deletion removes the project with everything of it ({@code ProjectRemoved}), once, even when the event is
 * delivered again, and releases of a deleted project do not bring it back.
 */
class KnownProjectsIT extends RuntimeIntegrationSupport {

    private static final EventBus bus = EventBus.shared();

    /** The {@link ProjectRemoved} events the service published, as the packages that listen to it see them. */
    private static final List<ProjectRemoved> removed = new CopyOnWriteArrayList<>();
    private static ApplicationContext listeningTo;

    private final UUID owner = UUID.randomUUID();

    @Autowired
    KnownProjects projects;

    @Autowired
    ProjectEnvironment environment;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    /** Listens beside the service's own listeners, without a context of the test's own. */
    @BeforeEach
    void recordRemovals() {
        synchronized (KnownProjectsIT.class) {
            if (listeningTo != context) {
                context.addApplicationListener(event -> {
                    if (event instanceof PayloadApplicationEvent<?> payload
                            && payload.getPayload() instanceof ProjectRemoved removal) {
                        removed.add(removal);
                    }
                });
                listeningTo = context;
            }
        }
    }

    @Test
    void recordsCreatedProjectsWithTheirOwners() throws Exception {
        UUID projectId = UUID.randomUUID();
        UUID legacyProject = UUID.randomUUID();
        bus.publish(new ProjectCreated(legacyProject, "old-shop"));
        bus.publish(new ProjectCreated(projectId, "shop-" + shortId(projectId), owner,
                "https://github.com/acme/shop.git", "main", null));

        await().atMost(Duration.ofSeconds(20)).until(() -> projects.find(projectId).isPresent()
                && projects.find(legacyProject).isPresent());
        assertThat(projects.find(projectId)).contains(new KnownProject(projectId, "shop-" + shortId(projectId), owner));
        assertThat(projects.owned(projectId, owner)).isPresent();
        assertThat(projects.owned(projectId, UUID.randomUUID())).isEmpty();
        assertThat(projects.find(legacyProject)).contains(new KnownProject(legacyProject, "old-shop", null));
        assertThat(projects.owned(legacyProject, owner)).as("a project without owner is nobody's").isEmpty();
        assertThat(projects.find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void knowsProjectsFromBeforeTheCopyByTheirReleases() {
        UUID projectId = UUID.randomUUID();
        release(projectId, "released");

        assertThat(projects.find(projectId)).contains(new KnownProject(projectId, "released", owner));
        assertThat(projects.owned(projectId, owner)).isPresent();
    }

    @Test
    void removesADeletedProjectWithItsVariablesOnce() throws Exception {
        UUID projectId = UUID.randomUUID();
        String slug = "gone-" + shortId(projectId);
        bus.publish(new ProjectCreated(projectId, slug, owner, "https://github.com/acme/gone.git", "main", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> projects.find(projectId).isPresent());
        release(projectId, slug);
        environment.replace(projectId, owner, Map.of("API_KEY", "k"));

        EventEnvelope deleted = bus.publish(new ProjectDeleted(projectId, slug, owner, owner, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> projects.find(projectId).isEmpty());
        assertThat(removalsOf(projectId)).containsExactly(new ProjectRemoved(projectId, slug, owner));
        assertThat(jdbc.queryForObject("select count(*) from environment_variables where project_id = ?", Long.class,
                projectId)).isZero();

        bus.republish(deleted);
        bus.publish(new ProjectDeleted(projectId, slug, owner, owner, null));
        bus.publish(new ProjectCreated(projectId, slug, owner, "https://github.com/acme/gone.git", "main", null));
        UUID marker = UUID.randomUUID();
        bus.publish(new ProjectCreated(marker, "marker-" + shortId(marker), owner, null, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> projects.find(marker).isPresent());
        assertThat(projects.find(projectId)).as("neither a replayed creation nor its releases bring it back")
                .isEmpty();
        assertThat(removalsOf(projectId)).hasSize(1);
    }

    @Test
    void removesADeletedProjectKnownOnlyByItsReleases() throws Exception {
        UUID projectId = UUID.randomUUID();
        release(projectId, "legacy-" + shortId(projectId));
        assertThat(projects.find(projectId)).isPresent();

        bus.publish(new ProjectDeleted(projectId, "legacy-" + shortId(projectId), owner, owner, null));

        await().atMost(Duration.ofSeconds(20)).until(() -> projects.find(projectId).isEmpty());
        assertThat(removalsOf(projectId)).containsExactly(
                new ProjectRemoved(projectId, "legacy-" + shortId(projectId), owner));
    }

    private void release(UUID projectId, String slug) {
        jdbc.update("""
                insert into releases (deployment_id, project_id, owner_id, slug, image_tag, port, status, error,
                                      attempts, created_at, updated_at, version)
                values (?, ?, ?, ?, 'paas-test/none:1', 3000, 'FAILED', 'image not found', 0, now(), now(), 1)""",
                UUID.randomUUID(), projectId, owner, slug);
    }

    private static List<ProjectRemoved> removalsOf(UUID projectId) {
        return removed.stream().filter(event -> event.projectId().equals(projectId)).toList();
    }

    private static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }
}
