package dev.paas.build.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.DeletedProjects;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.messaging.EventCodec;
import org.junit.jupiter.api.Test;

/** The listener of {@code paas.project} fed the platform's golden envelope, as it arrives from JetStream. */
class ProjectEventsConfigurationTest {

    private final EventCodec codec = new EventCodec();
    private final BuildQueue queue = mock(BuildQueue.class);
    private final DeletedProjects deletedProjects = mock(DeletedProjects.class);
    private final ProjectEventsConfiguration listener = new ProjectEventsConfiguration(queue, deletedProjects);

    @Test
    void queuesABuildOfTheRequestedCommitWithTheBuildSettingsForTheGoldenDeploymentRequested() {
        DeploymentRequested requested = codec.read(codec.fromBytes(GoldenEvents.envelope(DeploymentRequested.class)),
                DeploymentRequested.class);

        listener.deploymentRequested(requested);

        verify(queue).enqueue(DEPLOYMENT, PROJECT, OWNER, "shop", "https://github.com/acme/shop.git", "main",
                "9fceb02d0ae598e95dc970b74767f19372d61af8",
                new BuildOverrides("apps/web", null, "npm run build:prod", null, 4000, null));
        verifyNoMoreInteractions(queue);
    }

    @Test
    void queuesABuildOfTheBranchHeadForARequestFromBeforeCommitsAndSettings() {
        listener.deploymentRequested(new DeploymentRequested(DEPLOYMENT, PROJECT, "shop",
                "https://github.com/acme/shop.git", "main", OWNER));

        verify(queue).enqueue(DEPLOYMENT, PROJECT, OWNER, "shop", "https://github.com/acme/shop.git", "main", null,
                BuildOverrides.NONE);
    }

    @Test
    void forgetsTheProjectOfTheGoldenProjectDeleted() {
        ProjectDeleted deleted = codec.read(codec.fromBytes(GoldenEvents.envelope(ProjectDeleted.class)),
                ProjectDeleted.class);

        listener.projectDeleted(deleted);

        verify(deletedProjects).forget(PROJECT);
        verifyNoMoreInteractions(deletedProjects, queue);
    }
}
