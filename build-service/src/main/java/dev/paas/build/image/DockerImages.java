package dev.paas.build.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Image;
import com.github.dockerjava.api.model.InternetProtocol;
import dev.paas.build.BuildFailure;
import dev.paas.build.Durations;
import dev.paas.build.limits.BuildCgroups;
import dev.paas.build.limits.BuildCgroups.BuildCgroup;
import dev.paas.build.limits.LimitsProperties;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerFailures;
import dev.paas.docker.DockerUnavailable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, inspects and removes images through the Docker engine. Every call goes through {@link DockerCalls}
 * (infra/docker-client): inspect and remove are idempotent, so they are retried and bounded by the {@code docker}
 * time limiter, while a build is never retried and is bounded by {@code paas.build.build-timeout}. Failures caused
 * by the repository (a failing step, a bad context) are {@link BuildFailure}s, which the {@code docker} circuit
 * breaker ignores.
 *
 * <p>With {@link LimitsProperties} every step container of a build is bounded in memory (swap included) and CPU, and
 * the whole build in processes ({@link BuildCgroups}): a build that hits the process limit is stopped at once.
 */
public final class DockerImages {

    private static final Logger log = LoggerFactory.getLogger(DockerImages.class);

    private static final long WATCH_MILLIS = 500;
    private static final Supplier<Optional<String>> NEVER = Optional::empty;

    private final DockerClient docker;
    private final DockerCalls calls;
    private final Duration buildTimeout;
    private final LimitsProperties limits;
    private final BuildCgroups cgroups;
    private final LimitedBuilds limitedBuilds;

    /** Builds without resource limits. */
    public DockerImages(DockerClient docker, DockerCalls calls, Duration buildTimeout) {
        this(docker, calls, buildTimeout, null, null);
    }

    /** Builds bounded by {@code limits}; {@code cgroups} bound their processes. */
    public DockerImages(DockerClient docker, DockerCalls calls, Duration buildTimeout, LimitsProperties limits,
            BuildCgroups cgroups) {
        this.docker = docker;
        this.calls = calls;
        this.buildTimeout = buildTimeout;
        this.limits = limits;
        this.cgroups = cgroups;
        this.limitedBuilds = new LimitedBuilds(docker);
    }

    /** Whether builds should be started: false while the breaker holds the engine for unavailable. */
    public boolean available() {
        return calls.available();
    }

    /**
     * Builds and tags the image, streaming the engine's output to {@code log}. On failure the images this build created
     * are removed again and a {@link BuildFailure} says why.
     */
    public BuiltImage build(ImageBuildRequest request, Consumer<String> log) throws InterruptedException {
        return build(request, log, NEVER);
    }

    /**
     * Builds like {@link #build(ImageBuildRequest, Consumer)}; once {@code stop} names a reason the build is stopped,
     * its leftovers removed, and {@link BuildCancelled} thrown with that reason.
     */
    public BuiltImage build(ImageBuildRequest request, Consumer<String> log, Supplier<Optional<String>> stop)
            throws InterruptedException {
        try {
            return calls.longRunning("build " + request.tag(), () -> runBuild(request, log, stop));
        } catch (DockerUnavailable e) {
            throw new BuildFailure("image build failed: " + e.getMessage(), e);
        }
    }

    /** The image's details, or empty when it does not exist. */
    public Optional<InspectImageResponse> inspect(String image) {
        return calls.idempotent("inspect image " + image, () -> {
            try {
                return Optional.of(docker.inspectImageCmd(image).exec());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Removes an image (by tag or id) with its untagged parents; absent or still used images are left alone. */
    public void remove(String image) {
        calls.idempotent("remove image " + image, () -> {
            try {
                docker.removeImageCmd(image).withForce(false).withNoPrune(false).exec();
            } catch (NotFoundException e) {
                log.debug("image {} is already gone", image);
            } catch (ConflictException e) {
                log.info("image {} is still in use and was kept: {}", image, e.getMessage());
            }
            return null;
        });
    }

    /**
     * Keeps the {@code keep} newest images of the project (label {@code paas.project}) and removes the others, except
     * those a container still uses. Only images labelled {@code paas.managed=true} are looked at; removing one also
     * removes its untagged parent layers (the build cache of that build), while layers a kept image shares stay.
     *
     * @return the tags removed
     */
    public List<String> keepLatest(String projectId, int keep) {
        List<Image> images = calls.idempotent("list images of project " + projectId, () -> docker.listImagesCmd()
                .withLabelFilter(Map.of("paas.managed", "true", "paas.project", projectId)).exec());
        Set<String> used = calls.idempotent("list containers", () -> {
            Set<String> ids = new HashSet<>();
            docker.listContainersCmd().withShowAll(true).exec().forEach(container -> ids.add(container.getImageId()));
            return ids;
        });
        List<String> removed = new ArrayList<>();
        images.stream()
                .filter(image -> image.getLabels() != null && "true".equals(image.getLabels().get("paas.managed")))
                .map(image -> Map.entry(image, createdAt(image)))
                .sorted(Map.Entry.<Image, Instant>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .skip(keep)
                .filter(image -> !used.contains(image.getId()))
                .forEach(image -> {
                    for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
                        if (!tag.equals("<none>:<none>")) {
                            remove(tag);
                            removed.add(tag);
                        }
                    }
                });
        return removed;
    }

    /**
     * Removes every image of the project (labels {@code paas.managed=true} and {@code paas.project}), by each of its
     * tags, or by id when it has none; images a container still uses are kept. Images without both labels, such as
     * base images and other projects' images, are never looked at.
     *
     * @return how many images of the project are left (in use)
     */
    public int removeProjectImages(String projectId) {
        for (Image image : projectImages(projectId)) {
            List<String> tags = image.getRepoTags() == null ? List.of() : Arrays.stream(image.getRepoTags())
                    .filter(tag -> !tag.equals("<none>:<none>")).toList();
            if (tags.isEmpty()) {
                remove(image.getId());
            } else {
                tags.forEach(this::remove);
            }
        }
        return projectImages(projectId).size();
    }

    private List<Image> projectImages(String projectId) {
        return calls.idempotent("list images of project " + projectId, () -> docker.listImagesCmd()
                .withLabelFilter(Map.of("paas.managed", "true", "paas.project", projectId)).exec()).stream()
                .filter(image -> image.getLabels() != null && "true".equals(image.getLabels().get("paas.managed"))
                        && projectId.equals(image.getLabels().get("paas.project")))
                .toList();
    }

    /** When the image was created, to the nanosecond (the listing's seconds tie for builds in the same second). */
    private Instant createdAt(Image image) {
        return inspect(image.getId()).map(InspectImageResponse::getCreated).map(Instant::parse)
                .orElse(Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated()));
    }

    private void removeContainer(String id) {
        try {
            calls.idempotent("remove build container " + id, () -> {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (NotFoundException e) {
                    log.debug("build container {} is already gone", id);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("could not remove the build container {}: {}", id, DockerFailures.messageOf(e));
        }
    }

    private BuiltImage runBuild(ImageBuildRequest request, Consumer<String> log, Supplier<Optional<String>> stop)
            throws InterruptedException {
        try (BuildCgroup cgroup = cgroups == null ? null : cgroups.open()) {
            return runBuild(request, log, stop, cgroup);
        }
    }

    private BuiltImage runBuild(ImageBuildRequest request, Consumer<String> log, Supplier<Optional<String>> stop,
            BuildCgroup cgroup) throws InterruptedException {
        BuildOutput output = new BuildOutput(log);
        Progress progress = new Progress(output);
        try {
            var command = limitedBuilds.with(limitParameters(cgroup)).buildImageCmd();
            if (limits != null) {
                command.withMemory(limits.memory().toBytes()).withMemswap(limits.memory().toBytes());
            }
            command
                    .withBaseDirectory(request.context().toFile())
                    .withDockerfile(request.dockerfile().toFile())
                    .withTags(Set.of(request.tag()))
                    .withLabels(request.labels())
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(progress);
        } catch (DockerClientException e) {
            throw new BuildFailure("image build failed: " + DockerFailures.messageOf(e), e);
        }
        boolean finished;
        try {
            finished = watch(progress, output, stop, cgroup);
        } catch (InterruptedException e) {
            abandon(progress, output);
            throw e;
        } catch (DockerException e) {
            abandon(progress, output);
            if (e.getHttpStatus() >= 400 && e.getHttpStatus() < 500) {
                throw new BuildFailure("image build failed: " + DockerFailures.messageOf(e), e);
            }
            throw e;
        } catch (RuntimeException e) {
            abandon(progress, output);
            throw e;
        }
        if (!finished) {
            abandon(progress, output);
            throw new BuildFailure("image build failed: timed out after " + Durations.describe(buildTimeout));
        }
        output.finish();
        if (cgroup != null && cgroup.limitHit()) {
            removeLeftovers(output);
            remove(request.tag());
            throw processLimitHit();
        }
        if (progress.error != null || progress.imageId == null) {
            removeLeftovers(output);
            throw new BuildFailure("image build failed: " + output.failureLine(progress.error));
        }
        log.accept("==> " + output.cachedSteps() + " of " + output.steps() + " steps from cache");
        List<Integer> ports = inspect(request.tag()).map(DockerImages::exposedTcpPorts).orElse(List.of());
        return new BuiltImage(progress.imageId, request.tag(), ports);
    }

    /**
     * Waits for the build to end, at most the build timeout, checking twice a second whether it must be stopped: on
     * request, or because it hit its process limit. Returns whether it ended in time.
     */
    private boolean watch(Progress progress, BuildOutput output, Supplier<Optional<String>> stop, BuildCgroup cgroup)
            throws InterruptedException {
        long deadline = System.nanoTime() + buildTimeout.toNanos();
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            // Not awaitCompletion(timeout): docker-java closes the stream, ending the build, when that times out.
            if (progress.ended.await(Math.min(left, WATCH_MILLIS), TimeUnit.MILLISECONDS)) {
                progress.awaitCompletion();
                return true;
            }
            // Thrown into runBuild's handler, which abandons the build.
            if (cgroup != null && cgroup.limitHit()) {
                throw processLimitHit();
            }
            Optional<String> reason = stop.get();
            if (reason.isPresent()) {
                throw new BuildCancelled(reason.get());
            }
        }
    }

    private BuildFailure processLimitHit() {
        return new BuildFailure("image build stopped: it tried to run more than " + cgroups.pids()
                + " processes at once (paas.build.limits.pids), as a fork bomb does");
    }

    private Map<String, String> limitParameters(BuildCgroup cgroup) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (limits != null) {
            parameters.put("cpuperiod", Long.toString(LimitsProperties.CPU_PERIOD));
            parameters.put("cpuquota", Long.toString(limits.cpuQuota()));
        }
        if (cgroup != null) {
            cgroup.cgroupParent().ifPresent(parent -> parameters.put("cgroupparent", parent));
        }
        return parameters;
    }

    private void abandon(Progress progress, BuildOutput output) {
        try {
            // Closing the stream makes the engine cancel the build and drop its intermediate container.
            progress.close();
        } catch (IOException e) {
            log.debug("closing the build stream failed", e);
        }
        output.finish();
        removeLeftovers(output);
    }

    /**
     * Removes what a failed or abandoned build created: the step container the engine may still be tearing down
     * (it would keep its parent image alive), then the untagged images of this build's steps.
     */
    private void removeLeftovers(BuildOutput output) {
        output.runningContainer().ifPresent(this::removeContainer);
        List<String> created = output.createdImages();
        for (int i = created.size() - 1; i >= 0; i--) {
            String id = created.get(i);
            try {
                boolean untagged = inspect(id).map(image -> image.getRepoTags() == null
                        || image.getRepoTags().isEmpty()).orElse(false);
                if (untagged) {
                    remove(id);
                }
            } catch (RuntimeException e) {
                log.warn("could not remove image {} left by a failed build: {}", id, DockerFailures.messageOf(e));
            }
        }
    }

    private static List<Integer> exposedTcpPorts(InspectImageResponse image) {
        if (image.getConfig() == null || image.getConfig().getExposedPorts() == null) {
            return List.of();
        }
        return Arrays.stream(image.getConfig().getExposedPorts())
                .filter(port -> port.getProtocol() == InternetProtocol.TCP)
                .map(ExposedPort::getPort)
                .sorted()
                .toList();
    }

    /** Collects the build's stream into {@link BuildOutput}; remembers the image id and the engine's error. */
    private static final class Progress extends ResultCallback.Adapter<BuildResponseItem> {

        private final BuildOutput output;
        private volatile String imageId;
        private volatile String error;
        private final CountDownLatch ended = new CountDownLatch(1);

        Progress(BuildOutput output) {
            this.output = output;
        }

        @Override
        public void onComplete() {
            super.onComplete();
            ended.countDown();
        }

        @Override
        public void onError(Throwable throwable) {
            super.onError(throwable);
            ended.countDown();
        }

        @Override
        public void close() throws IOException {
            super.close();
            ended.countDown();
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null) {
                output.append(item.getStream());
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage()
                        : item.getError();
                output.error(error);
            } else if (item.isBuildSuccessIndicated()) {
                imageId = item.getImageId();
            }
        }
    }
}
