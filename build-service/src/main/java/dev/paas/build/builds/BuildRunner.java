package dev.paas.build.builds;

import dev.paas.build.BuildFailure;
import dev.paas.build.image.BuildCancelled;
import dev.paas.build.image.BuiltImage;
import dev.paas.build.image.DockerImages;
import dev.paas.build.image.ImageBuildRequest;
import dev.paas.build.source.Checkout;
import dev.paas.build.source.SourceCheckouts;
import dev.paas.build.stack.BuildContexts;
import dev.paas.build.stack.BuildOverrides;
import dev.paas.build.stack.PreparedContext;
import dev.paas.build.suggestions.EnvSuggestions;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed build outside any transaction: clone, detect, prepare, build, then record the outcome. The work
 * directory is always deleted, a failed build leaves no tagged image, and a build interrupted by a shutdown is handed
 * back to the queue instead of failed; one cancelled while it builds ends CANCELLED. Durations go to the {@code paas.build.duration} timer by outcome and stack.
 */
final class BuildRunner {

    static final int DEFAULT_PORT = 8080;
    private static final Logger log = LoggerFactory.getLogger(BuildRunner.class);
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    private final SourceCheckouts checkouts;
    private final BuildContexts contexts;
    private final DockerImages images;
    private final RunningBuilds running;
    private final BuildLogs logs;
    private final BuildWorkspace workspace;
    private final MeterRegistry meters;
    private final EnvSuggestions suggestions;
    private final CancelRequests cancels;

    BuildRunner(SourceCheckouts checkouts, BuildContexts contexts, DockerImages images, RunningBuilds running,
            BuildLogs logs, BuildWorkspace workspace, MeterRegistry meters, EnvSuggestions suggestions,
            CancelRequests cancels) {
        this.cancels = cancels;
        this.checkouts = checkouts;
        this.contexts = contexts;
        this.images = images;
        this.running = running;
        this.logs = logs;
        this.workspace = workspace;
        this.meters = meters;
        this.suggestions = suggestions;
    }

    /** Runs the build; {@code stopping} tells whether the worker is shutting down. */
    void run(ClaimedBuild build, BooleanSupplier stopping) {
        BuildLogWriter buildLog = logs.writer(build.id());
        buildLog.phase(BuildPhase.CLONE, build.attempt() > 1
                ? "==> Resuming build " + build.id() + " (attempt " + build.attempt() + ")"
                : "==> Build " + build.id() + " of " + build.projectSlug());
        long started = System.nanoTime();
        String tag = null;
        String stack = "unknown";
        String outcome = "failed";
        Path workDirectory = null;
        try {
            tag = imageTag(build);
            workDirectory = workspace.create(build.id());
            Checkout checkout = checkouts.checkout(build.repoUrl(), build.branch(), build.commitSha(),
                    build.ownerId(), workDirectory.resolve("src"), buildLog);
            requireClaim(running.recordCommit(build, checkout.commitSha(), checkout.commitMessage(),
                    checkout.commitAuthor()));
            buildLog.phase(BuildPhase.DETECT, "==> Detecting the stack");
            suggestions.record(build.projectId(), build.ownerId(), appRoot(checkout.directory(), build.overrides()));
            PreparedContext context = contexts.prepare(checkout.directory(), build.overrides(), buildLog);
            stack = context.stack();
            requireClaim(running.recordStack(build, stack));
            buildLog.imageBuild(context.dockerfile(), "==> Building image " + tag);
            BuiltImage image = images.build(new ImageBuildRequest(context.directory(), context.dockerfile(), tag,
                    labels(build)), buildLog, () -> cancels.reasonFor(build.id()));
            int port = context.port().orElse(image.exposedTcpPorts().stream().findFirst().orElse(DEFAULT_PORT));
            buildLog.phase(BuildPhase.IMAGE, "==> Built " + tag + " in " + seconds(started) + " s; the app listens on port "
                    + port);
            buildLog.phase(BuildPhase.DEPLOY, "==> Handing " + tag + " over to runtime-service (ImageBuilt)");
            running.succeed(build, tag, port);
            outcome = "succeeded";
        } catch (BuildCancelled e) {
            buildLog.accept("==> Build stopped: " + e.getMessage());
            removeImage(tag);
            running.cancelled(build);
            outcome = "cancelled";
        } catch (ClaimLost e) {
            log.warn("build {} was taken over by another worker; this run stops", build.id());
            outcome = "taken_over";
        } catch (InterruptedException e) {
            handBack(build, buildLog, tag);
            outcome = "handed_back";
            Thread.currentThread().interrupt();
        } catch (BuildFailure e) {
            outcome = endWith(build, buildLog, tag, e.getMessage(), stopping);
        } catch (RuntimeException e) {
            if (!stopping.getAsBoolean()) {
                log.error("build {} failed unexpectedly", build.id(), e);
            }
            outcome = endWith(build, buildLog, tag, "build failed: internal error in build-service (" + e + ")",
                    stopping);
        } finally {
            buildLog.close();
            workspace.delete(workDirectory);
            cancels.forget(build.id());
            meters.timer("paas.build.duration", "outcome", outcome, "stack", stack)
                    .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Where the app lies in the checkout: the root directory setting when it names a directory inside the checkout,
     * else the checkout (detection then fails the build with the reason).
     */
    static Path appRoot(Path checkout, BuildOverrides overrides) {
        String rootDirectory = overrides.rootDirectory();
        if (rootDirectory == null || rootDirectory.isBlank()) {
            return checkout;
        }
        try {
            Path root = checkout.resolve(rootDirectory).normalize();
            return Files.isDirectory(root) && root.toRealPath().startsWith(checkout.toRealPath()) ? root : checkout;
        } catch (IOException | InvalidPathException e) {
            return checkout;
        }
    }

    static String imageTag(ClaimedBuild build) {
        if (build.projectSlug() == null || !SLUG.matcher(build.projectSlug()).matches()) {
            throw new BuildFailure("project slug '" + build.projectSlug() + "' cannot name an image: expected"
                    + " lowercase letters, digits and inner hyphens, at most 63 characters");
        }
        return "paas-app/" + build.projectSlug() + ":" + build.id();
    }

    /** Fails the build, unless the worker is stopping: then the interruption caused the error. */
    private String endWith(ClaimedBuild build, BuildLogWriter buildLog, String tag, String reason,
            BooleanSupplier stopping) {
        if (stopping.getAsBoolean()) {
            handBack(build, buildLog, tag);
            return "handed_back";
        }
        buildLog.note("==> Build failed: " + reason);
        removeImage(tag);
        running.fail(build, reason);
        return "failed";
    }

    private static void requireClaim(boolean stillOurs) {
        if (!stillOurs) {
            throw new ClaimLost();
        }
    }

    private void handBack(ClaimedBuild build, BuildLogWriter buildLog, String tag) {
        // Cleared so the database and Docker calls below are not cut short; the pool thread ends right after.
        boolean interrupted = Thread.interrupted();
        try {
            buildLog.note("==> Interrupted: build-service is stopping; the build resumes when it is back");
            removeImage(tag);
            running.handBack(build);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void removeImage(String tag) {
        if (tag == null) {
            return;
        }
        try {
            images.remove(tag);
        } catch (RuntimeException e) {
            log.warn("could not remove the image {} of a failed build: {}", tag, e.getMessage());
        }
    }

    private static Map<String, String> labels(ClaimedBuild build) {
        return Map.of("paas.managed", "true", "paas.project", build.projectId().toString(), "paas.deployment",
                build.id().toString());
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startNanos) / 1e9);
    }

    /** Another worker resumed the build after this one's lease ran out: this run must not touch it any more. */
    private static final class ClaimLost extends RuntimeException {

        ClaimLost() {
            super(null, null, false, false);
        }
    }
}
