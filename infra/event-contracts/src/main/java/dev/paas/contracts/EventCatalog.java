package dev.paas.contracts;

import dev.paas.contracts.build.BuildCancelled;
import dev.paas.contracts.build.BuildFailed;
import dev.paas.contracts.build.BuildStarted;
import dev.paas.contracts.build.ImageBuilt;
import dev.paas.contracts.database.DatabaseProvisioned;
import dev.paas.contracts.database.DatabaseFailed;
import dev.paas.contracts.database.DatabaseStateChanged;
import dev.paas.contracts.database.DatabaseLinked;
import dev.paas.contracts.database.DatabaseUnlinked;
import dev.paas.contracts.database.BackupCompleted;
import dev.paas.contracts.database.BackupFailed;
import dev.paas.contracts.database.DatabaseRestored;
import dev.paas.contracts.database.DatabaseDeleted;
import dev.paas.contracts.billing.AccountLimitsChanged;
import dev.paas.contracts.billing.AccountReinstated;
import dev.paas.contracts.billing.AccountSuspended;
import dev.paas.contracts.billing.WalletLow;
import dev.paas.contracts.metrics.AlertRaised;
import dev.paas.contracts.metrics.AlertResolved;
import dev.paas.contracts.metrics.HostCapacityChanged;
import dev.paas.contracts.identity.GitHubTokenChanged;
import dev.paas.contracts.identity.WebhookRegistered;
import dev.paas.contracts.identity.WebhookRegistrationFailed;
import dev.paas.contracts.project.DeploymentRequested;
import dev.paas.contracts.project.ProjectCreated;
import dev.paas.contracts.project.ProjectDeleted;
import dev.paas.contracts.project.RollbackRequested;
import dev.paas.contracts.runtime.AppStateChanged;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.contracts.webhook.GitPushReceived;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event record the platform knows, looked up by logical type and version. */
public final class EventCatalog {

    /** All published contracts. Add a record here when it is introduced. */
    public static final List<Class<? extends IntegrationEvent>> ALL = List.of(
            ProjectCreated.class,
            DeploymentRequested.class,
            BuildStarted.class,
            ImageBuilt.class,
            BuildFailed.class,
            BuildCancelled.class,
            ContainerStarted.class,
            ContainerHealthy.class,
            ContainerStopped.class,
            DeploymentFailed.class,
            GitPushReceived.class,
            WebhookRegistered.class,
            WebhookRegistrationFailed.class,
            GitHubTokenChanged.class,
            ContainerRestarted.class,
            CrashLoopDetected.class,
            AppStateChanged.class,
            EnvironmentChanged.class,
            DomainAdded.class,
            DomainRemoved.class,
            ProjectDeleted.class,
            RollbackRequested.class,
            DatabaseProvisioned.class,
            DatabaseFailed.class,
            DatabaseStateChanged.class,
            DatabaseLinked.class,
            DatabaseUnlinked.class,
            BackupCompleted.class,
            BackupFailed.class,
            DatabaseRestored.class,
            DatabaseDeleted.class,
            HostCapacityChanged.class,
            AlertRaised.class,
            AlertResolved.class,
            AccountLimitsChanged.class,
            WalletLow.class,
            AccountSuspended.class,
            AccountReinstated.class);

    private static final Map<String, Class<? extends IntegrationEvent>> BY_KEY = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::keyOf, Function.identity()));

    private EventCatalog() {
    }

    /** The record class for a logical type and version, if this build knows it. */
    public static Optional<Class<? extends IntegrationEvent>> find(String name, int version) {
        return Optional.ofNullable(BY_KEY.get(name + "/v" + version));
    }

    private static String keyOf(Class<? extends IntegrationEvent> type) {
        EventType annotation = IntegrationEvent.typeOf(type);
        return annotation.name() + "/v" + annotation.version();
    }
}
