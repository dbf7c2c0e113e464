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
import com.github.dockerjava.api.model.InternetProtocol;
import dev.paas.build.BuildFailure;
import dev.paas.build.Durations;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, inspects and removes images through the Docker engine. Every call passes the {@code docker} circuit
 * breaker; inspect and remove are idempotent, so they are also retried and bounded by the {@code docker} time
 * limiter, while a build is never retried and is bounded by {@code paas.build.build-timeout}. Failures caused by the
 * repository (a failing step, a bad context) do not count against the breaker.
 */
public final class DockerImages implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DockerImages.class);

    private final DockerClient docker;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final TimeLimiter limiter;
    private final Duration buildTimeout;
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public DockerImages(DockerClient docker, CircuitBreaker breaker, Retry retry, TimeLimiter limiter,
            Duration buildTimeout) {
        this.docker = docker;
        this.breaker = breaker;
        this.retry = retry;
        this.limiter = limiter;
        this.buildTimeout = buildTimeout;
    }

    /** Whether builds should be started: false while the breaker holds the engine for unavailable. */
    public boolean available() {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> false;
            default -> true;
        };
    }

    /**
     * Builds and tags the image, streaming the engine's output to {@code log}. On failure the images this build created
     * are removed again and a {@link BuildFailure} says why.
     */
    public BuiltImage build(ImageBuildRequest request, Consumer<String> log) throws InterruptedException {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw new BuildFailure("image build failed: the Docker engine is unavailable (recent calls failed; it is"
                    + " tried again shortly)", e);
        }
        long start = System.nanoTime();
        try {
            BuiltImage image = runBuild(request, log);
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return image;
        } catch (BuildFailure | InterruptedException e) {
            // The repository's fault, or a shutdown: says nothing about the engine's health.
            breaker.releasePermission();
            throw e;
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new BuildFailure("image build failed: the Docker engine did not answer (" + describe(e) + ")", e);
        }
    }

    /** The image's details, or empty when it does not exist. */
    public Optional<InspectImageResponse> inspect(String image) {
        return call(() -> {
            try {
                return Optional.of(docker.inspectImageCmd(image).exec());
            } catch (NotFoundException e) {
                return Optional.empty();
            }
        });
    }

    /** Removes an image (by tag or id) with its untagged parents; absent or still used images are left alone. */
    public void remove(String image) {
        call(() -> {
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

    private void removeContainer(String id) {
        try {
            call(() -> {
                try {
                    docker.removeContainerCmd(id).withForce(true).exec();
                } catch (NotFoundException e) {
                    log.debug("build container {} is already gone", id);
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("could not remove the build container {}: {}", id, describe(e));
        }
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }

    private BuiltImage runBuild(ImageBuildRequest request, Consumer<String> log) throws InterruptedException {
        BuildOutput output = new BuildOutput(log);
        Progress progress = new Progress(output);
        try {
            docker.buildImageCmd()
                    .withBaseDirectory(request.context().toFile())
                    .withDockerfile(request.dockerfile().toFile())
                    .withTags(Set.of(request.tag()))
                    .withLabels(request.labels())
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .exec(progress);
        } catch (DockerClientException e) {
            throw new BuildFailure("image build failed: " + describe(e), e);
        }
        boolean finished;
        try {
            finished = progress.awaitCompletion(buildTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            abandon(progress, output);
            throw e;
        } catch (DockerException e) {
            abandon(progress, output);
            if (e.getHttpStatus() >= 400 && e.getHttpStatus() < 500) {
                throw new BuildFailure("image build failed: " + describe(e), e);
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
        if (progress.error != null || progress.imageId == null) {
            removeLeftovers(output);
            throw new BuildFailure("image build failed: " + output.failureLine(progress.error));
        }
        List<Integer> ports = inspect(request.tag()).map(DockerImages::exposedTcpPorts).orElse(List.of());
        return new BuiltImage(progress.imageId, request.tag(), ports);
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
                log.warn("could not remove image {} left by a failed build: {}", id, describe(e));
            }
        }
    }

    private <T> T call(Callable<T> action) {
        Callable<T> limited = TimeLimiter.decorateFutureSupplier(limiter, () -> calls.submit(action));
        Callable<T> guarded = CircuitBreaker.decorateCallable(breaker, limited);
        try {
            return Retry.decorateCallable(retry, guarded).call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DockerUnavailableException("Docker engine call failed: " + describe(e), e);
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

    private static String describe(Throwable error) {
        String message = error.getMessage();
        Throwable cause = error;
        while ((message == null || message.isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
            message = cause.getMessage();
        }
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.strip();
    }

    /** Collects the build's stream into {@link BuildOutput}; remembers the image id and the engine's error. */
    private static final class Progress extends ResultCallback.Adapter<BuildResponseItem> {

        private final BuildOutput output;
        private volatile String imageId;
        private volatile String error;

        Progress(BuildOutput output) {
            this.output = output;
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
