package dev.paas.metrics.messaging;

import static dev.paas.contracts.golden.GoldenEvents.DATABASE;
import static dev.paas.contracts.golden.GoldenEvents.DEPLOYMENT;
import static dev.paas.contracts.golden.GoldenEvents.OWNER;
import static dev.paas.contracts.golden.GoldenEvents.PROJECT;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.database.BackupCompleted;
import dev.paas.contracts.database.BackupFailed;
import dev.paas.contracts.golden.GoldenEvents;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.messaging.EventEnvelope;
import dev.paas.messaging.testing.ListenerDeliveries;
import dev.paas.metrics.alerts.IncidentAlerts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each golden fact, as its producer publishes it, opens or resolves the matching alert. */
class AlertFactListenersTest {

    private final IncidentAlerts alerts = mock(IncidentAlerts.class);
    private final AlertFactListeners listeners = new AlertFactListeners();

    @Test
    void opensACrashLoopAlert() {
        EventEnvelope envelope = ListenerDeliveries.deliver(
                listeners.alertRuntimeEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(CrashLoopDetected.class));

        verify(alerts).crashLoopDetected(PROJECT, OWNER, 5, 300,
                List.of("Error: Cannot find module 'express'", "Node.js v18.20.4"), envelope.occurredAt());
    }

    @Test
    void opensAFailedDeploymentAlertOnAFailedBuildOrGoLive() {
        EventEnvelope build = ListenerDeliveries.deliver(
                listeners.alertBuildEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(BuildFailed.class));
        EventEnvelope live = ListenerDeliveries.deliver(
                listeners.alertRuntimeEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(DeploymentFailed.class));

        verify(alerts).deploymentFailed(eq(PROJECT), eq(DEPLOYMENT), eq(OWNER), eq("the build"), anyString(),
                eq(build.occurredAt()));
        verify(alerts).deploymentFailed(eq(PROJECT), eq(DEPLOYMENT), eq(null), eq("going live"), anyString(),
                eq(live.occurredAt()));
    }

    @Test
    void resolvesTheProjectsAlertsWhenItIsHealthy() {
        EventEnvelope envelope = ListenerDeliveries.deliver(
                listeners.alertRuntimeEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(ContainerHealthy.class));

        verify(alerts).projectHealthy(PROJECT, envelope.occurredAt());
    }

    @Test
    void leavesACrashLoopOpenWhenTheAppIsStopped() {
        // The golden AppStateChanged reports STOPPED: only RUNNING resolves a crash loop.
        ListenerDeliveries.deliver(listeners.alertRuntimeEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(AppStateChanged.class));

        verifyNoInteractions(alerts);
    }

    @Test
    void opensAndResolvesBackupAlerts() {
        EventEnvelope failed = ListenerDeliveries.deliver(
                listeners.alertDatabaseEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(BackupFailed.class));
        EventEnvelope completed = ListenerDeliveries.deliver(
                listeners.alertDatabaseEvents(ListenerDeliveries.subscriptions(), alerts),
                GoldenEvents.envelope(BackupCompleted.class));

        verify(alerts).backupFailed(DATABASE, OWNER, "SCHEDULED", "pg_dump exited with 1: connection refused",
                failed.occurredAt());
        verify(alerts).backupCompleted(DATABASE, completed.occurredAt());
    }
}
