package dev.paas.runtime.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.IMAGE;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.messaging.EventCodec;
import dev.paas.runtime.projects.KnownProjects;
import dev.paas.runtime.rollout.Rollouts;
import org.junit.jupiter.api.Test;

/** The listener of {@code paas.build} fed the platform's golden envelope, as it arrives from JetStream. */
class BuildEventsConfigurationTest {

    private final EventCodec codec = new EventCodec();
    private final Rollouts rollouts = mock(Rollouts.class);
    private final KnownProjects projects = mock(KnownProjects.class);
    private final BuildEventsConfiguration listener = new BuildEventsConfiguration(rollouts, projects);

    @Test
    void schedulesTheReleaseOfTheGoldenImageBuilt() {
        ImageBuilt image = codec.read(codec.fromBytes(GoldenEvents.envelope(ImageBuilt.class)), ImageBuilt.class);

        listener.imageBuilt(image);

        verify(rollouts).schedule(DEPLOYMENT, PROJECT, OWNER, "shop", IMAGE, "node", 3000);
        verifyNoMoreInteractions(rollouts);
    }

    @Test
    void startsNothingForAProjectThatWasDeleted() {
        ImageBuilt image = codec.read(codec.fromBytes(GoldenEvents.envelope(ImageBuilt.class)), ImageBuilt.class);
        when(projects.removed(PROJECT)).thenReturn(true);

        listener.imageBuilt(image);

        verifyNoInteractions(rollouts);
    }
}
