package dev.paas.contracts.golden;

import dev.paas.contracts.EventType;
import dev.paas.contracts.IntegrationEvent;
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
import dev.paas.contracts.runtime.ContainerHealthy;
import dev.paas.contracts.runtime.ContainerRestarted;
import dev.paas.contracts.runtime.ContainerStarted;
import dev.paas.contracts.runtime.ContainerStopped;
import dev.paas.contracts.runtime.CrashLoopDetected;
import dev.paas.contracts.runtime.DeploymentFailed;
import dev.paas.contracts.runtime.DomainAdded;
import dev.paas.contracts.runtime.DomainRemoved;
import dev.paas.contracts.runtime.EnvironmentChanged;
import dev.paas.contracts.webhook.GitPushReceived;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one set of golden event envelopes ({@code golden/<type>.v<version>.json}), shipped in event-contracts'
 * test-jar. The producer test serializes each {@link #samples() sample} to its file; every consumer's listener test
 * feeds the same file to its listener. A field rename or removal therefore fails in the tests of both sides before
 * it reaches the wire.
 */
public final class GoldenEvents {

    /** The deployment every golden deployment-scoped event is about. */
    public static final UUID DEPLOYMENT = UUID.fromString("0192f0c4-7a10-7000-8000-000000000001");
    /** The project every golden event belongs to (slug {@code shop}). */
    public static final UUID PROJECT = UUID.fromString("0192f0c4-7a10-7000-8000-000000000002");
    /** The owner of {@link #PROJECT}. */
    public static final UUID OWNER = UUID.fromString("0192f0c4-7a10-7000-8000-000000000003");
    /** The deployment that replaced {@link #DEPLOYMENT} in the golden {@code ContainerStopped}. */
    public static final UUID SUCCESSOR = UUID.fromString("0192f0c4-7a10-7000-8000-000000000009");
    /** The image tag of the golden {@code ImageBuilt}. */
    public static final String IMAGE = "paas-app/shop:" + DEPLOYMENT;
    /**
     * The golden {@code GitHubTokenChanged}'s token, {@code gho_golden-token} sealed for {@link #OWNER} under the
     * all-zero test key ({@code AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=}).
     */
    public static final String SEALED_CLONE_TOKEN =
            "v1:bjOyaghRmwWHMRzBsIE2SHxVKogharNXRPMrNdARSZ0//EosK060juW+Wu8=";
    /** The container id of the golden runtime events. */
    public static final String CONTAINER = "4f1c0e2b9a7d";

    /** The database of the golden database events. */
    public static final UUID DATABASE = UUID.fromString("0192f0c4-7a10-7000-8000-000000000010");
    /** The backup of the golden backup events. */
    public static final UUID BACKUP = UUID.fromString("0192f0c4-7a10-7000-8000-000000000011");
    /** The safety backup of the golden {@code DatabaseRestored}. */
    public static final UUID SAFETY_BACKUP = UUID.fromString("0192f0c4-7a10-7000-8000-000000000012");
    /** The golden {@code DatabaseLinked}'s sealed variables (a placeholder: consumers open it with their own key). */
    public static final String SEALED_LINK_VARIABLES = "v1:golden-sealed-database-link-variables";

    /** The alert of the golden alert events. */
    public static final UUID ALERT = UUID.fromString("0192f0c4-7a10-7000-8000-000000000020");

    /** The plan of the golden {@code AccountLimitsChanged}. */
    public static final UUID PLAN = UUID.fromString("0192f0c4-7a10-7000-8000-000000000030");

    private GoldenEvents() {
    }

    /** The record each golden file holds, one per cataloged event type and version. */
    public static List<IntegrationEvent> samples() {
        return List.of(
                new ProjectCreated(PROJECT, "shop", OWNER, "https://github.com/acme/shop.git", "main", "acme/shop"),
                new DeploymentRequested(DEPLOYMENT, PROJECT, "shop", "https://github.com/acme/shop.git", "main",
                        OWNER, "9fceb02d0ae598e95dc970b74767f19372d61af8", new DeploymentRequested.BuildSettings(
                                "apps/web", null, "npm run build:prod", null, 4000, null)),
                new BuildStarted(DEPLOYMENT, PROJECT, OWNER),
                new ImageBuilt(DEPLOYMENT, PROJECT, "shop", IMAGE, "node",
                        "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", 3000, OWNER,
                        "Mona Lisa <mona@example.com>"),
                new BuildFailed(DEPLOYMENT, PROJECT, "branch 'release' not found in https://github.com/acme/shop.git",
                        null, null, null, OWNER, null),
                new BuildCancelled(DEPLOYMENT, PROJECT, "superseded by deployment " + SUCCESSOR, OWNER),
                new ContainerStarted(DEPLOYMENT, PROJECT, CONTAINER, 536_870_912L, 500_000_000L, OWNER),
                new ContainerHealthy(DEPLOYMENT, PROJECT, CONTAINER, "http://shop.paas.localhost"),
                new ContainerStopped(DEPLOYMENT, PROJECT, CONTAINER, "replaced by deployment " + SUCCESSOR),
                new DeploymentFailed(DEPLOYMENT, PROJECT, "app did not answer HTTP on port 3000 within 60 s"),
                new GitPushReceived("72d3162e-cc78-11e3-81ab-4c9367dc0958", PROJECT, "acme/shop", "main",
                        "9fceb02d0ae598e95dc970b74767f19372d61af8", "add checkout", "octocat"),
                new WebhookRegistered(PROJECT, "acme/shop", 12_345_678L),
                new WebhookRegistrationFailed(PROJECT, "acme/shop",
                        "the owner has no linked GitHub account; link it and recreate the webhook"),
                new GitHubTokenChanged(OWNER, "octocat", SEALED_CLONE_TOKEN),
                new ContainerRestarted(PROJECT, DEPLOYMENT, OWNER, CONTAINER, 0, "exited with code 1", 1L, 2, 2_000L),
                new CrashLoopDetected(PROJECT, DEPLOYMENT, OWNER, 5, 300, List.of(1L, 1L, 1L, 1L, 1L),
                        List.of("Error: Cannot find module 'express'", "Node.js v18.20.4")),
                new AppStateChanged(PROJECT, OWNER, "STOPPED", 0, "stopped by its owner", OWNER),
                new EnvironmentChanged(PROJECT, OWNER, OWNER, "SET", List.of("API_KEY", "DATABASE_URL")),
                new DomainAdded(PROJECT, OWNER, OWNER, "shop.example.com"),
                new DomainRemoved(PROJECT, OWNER, OWNER, "shop.example.com"),
                new ProjectDeleted(PROJECT, "shop", OWNER, OWNER, "acme/shop"),
                new RollbackRequested(SUCCESSOR, PROJECT, "shop", OWNER, DEPLOYMENT),
                new DatabaseProvisioned(DATABASE, OWNER, "shop-db", "postgresql", "15", "paas/postgres:15", 268_435_456L, 500_000_000L, 1_073_741_824L),
                new DatabaseFailed(DATABASE, OWNER, "shop-db", "mongodb", "the image mongo:7 is not on this host and cannot be pulled"),
                new DatabaseStateChanged(DATABASE, OWNER, "postgresql", "STOPPED", "stopped by its owner", OWNER),
                new DatabaseLinked(DATABASE, PROJECT, OWNER, "postgresql", "DATABASE", List.of("DATABASE_URL", "DATABASE_HOST",
                        "DATABASE_PORT", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_NAME"), SEALED_LINK_VARIABLES, OWNER),
                new DatabaseUnlinked(DATABASE, PROJECT, OWNER, "DATABASE", List.of("DATABASE_URL", "DATABASE_HOST",
                        "DATABASE_PORT", "DATABASE_USER", "DATABASE_PASSWORD", "DATABASE_NAME"), "unlinked by its owner", OWNER),
                new BackupCompleted(BACKUP, DATABASE, OWNER, "MANUAL", 48_213L,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Instant.parse("2026-12-08T10:00:00Z")),
                new BackupFailed(BACKUP, DATABASE, OWNER, "SCHEDULED", "pg_dump exited with 1: connection refused"),
                new DatabaseRestored(DATABASE, OWNER, BACKUP, SAFETY_BACKUP, "BACKUP", OWNER),
                new DatabaseDeleted(DATABASE, OWNER, "shop-db", "postgresql", BACKUP, OWNER),
                new HostCapacityChanged("paas-host-1", false, 37.5, 91.2, 40.0, 85.0, "memory 91 % of host"),
                new AlertRaised(ALERT, OWNER, "CONTAINER_MEMORY", "WARNING", PROJECT, null,
                        "memory at 94 % of its 256 MB limit for 5 minutes"),
                new AlertResolved(ALERT, OWNER, "CONTAINER_MEMORY", PROJECT, null, "memory at 41 % of its limit"),
                new AccountLimitsChanged(OWNER, PLAN, "free", 500, 512, 1024, 1, 3, Map.of("postgresql", 1),
                        1024, List.of()),
                new WalletLow(OWNER, "1.2000", "USD", "1.4400", "0.0600"),
                new AccountSuspended(OWNER, "-0.4200", "USD",
                        "the balance stayed at -0.42 USD through the 24 h grace period"),
                new AccountReinstated(OWNER, "10.0000", "USD"));
    }

    /** The sample of {@code type}. */
    public static <T extends IntegrationEvent> T sample(Class<T> type) {
        return samples().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no golden sample of " + type.getName()));
    }

    /** The bytes of the golden envelope of {@code type}, as they arrive from JetStream. */
    public static byte[] envelope(Class<? extends IntegrationEvent> type) {
        String file = file(type);
        try (InputStream in = GoldenEvents.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("golden file " + file + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read golden file " + file, e);
        }
    }

    /** The classpath location of the golden envelope of {@code type}. */
    public static String file(Class<? extends IntegrationEvent> type) {
        EventType eventType = IntegrationEvent.typeOf(type);
        return "/golden/" + eventType.name() + ".v" + eventType.version() + ".json";
    }
}
