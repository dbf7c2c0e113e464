package dev.paas.runtime.messaging;

import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.outbox.Outbox;
import dev.paas.runtime.release.ReleaseEvents;
import dev.paas.runtime.rollout.AppEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the release aggregate's events into the published contracts. It listens synchronously, so the outbox row is
 * written in the transaction that changed the release: both commit, or neither does.
 */
@Component
class ReleaseEventsPublisher {

    private final Outbox outbox;

    ReleaseEventsPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(ReleaseEvents.Started started) {
        outbox.append(new ContainerStarted(started.deploymentId(), started.projectId(), started.containerId(),
                started.memoryBytes(), started.nanoCpus(), started.ownerId()));
    }

    @EventListener
    void on(ReleaseEvents.Promoted promoted) {
        outbox.append(new ContainerHealthy(promoted.deploymentId(), promoted.projectId(), promoted.containerId(),
                promoted.url()));
    }

    @EventListener
    void on(ReleaseEvents.Replaced replaced) {
        outbox.append(new ContainerStopped(replaced.deploymentId(), replaced.projectId(), replaced.containerId(),
                "replaced by deployment " + replaced.replacedBy()));
    }

    @EventListener
    void on(AppEvents.Restarted restarted) {
        outbox.append(new ContainerRestarted(restarted.projectId(), restarted.deploymentId(), restarted.ownerId(),
                restarted.containerId(), restarted.instance(), restarted.reason(), restarted.exitCode(),
                restarted.restartCount(), restarted.delayMillis()));
    }

    @EventListener
    void on(AppEvents.CrashLoop crashLoop) {
        outbox.append(new CrashLoopDetected(crashLoop.projectId(), crashLoop.deploymentId(), crashLoop.ownerId(),
                crashLoop.restarts(), crashLoop.windowSeconds(), crashLoop.exitCodes(), crashLoop.lastLogLines()));
    }

    @EventListener
    void on(AppEvents.StateChanged changed) {
        outbox.append(new AppStateChanged(changed.projectId(), changed.ownerId(), changed.state(),
                changed.instances(), changed.reason(), changed.actorId()));
    }

    @EventListener
    void on(ReleaseEvents.Failed failed) {
        outbox.append(new DeploymentFailed(failed.deploymentId(), failed.projectId(), failed.reason()));
    }
}
