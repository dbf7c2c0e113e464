package dev.paas.database.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.PullImageResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.paas.docker.DockerCalls;
import dev.paas.docker.DockerFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the image of an engine version among its candidates: one present on this host wins, in the configured order;
 * else the first that can be pulled, all pulls together within {@code pullTimeout}. A failed pull is remembered for
 * {@code pullFailureMemory}, so that asking again (each API call does) stays fast.
 */
final class EngineImages {

    private static final Logger log = LoggerFactory.getLogger(EngineImages.class);

    private final DockerClient docker;
    private final DockerCalls calls;
    private final Duration pullTimeout;
    private final Duration pullFailureMemory;
    private final Clock clock;
    private final Map<String, Instant> failedPulls = new ConcurrentHashMap<>();

    EngineImages(DockerClient docker, DockerCalls calls, Duration pullTimeout, Duration pullFailureMemory,
            Clock clock) {
        this.docker = docker;
        this.calls = calls;
        this.pullTimeout = pullTimeout;
        this.pullFailureMemory = pullFailureMemory;
        this.clock = clock;
    }

    String resolve(String engine, List<String> candidates) {
        for (String image : candidates) {
            if (present(image)) {
                return image;
            }
        }
        long deadline = System.nanoTime() + pullTimeout.toNanos();
        for (String image : candidates) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (recentlyFailed(image)) {
                continue;
            }
            if (pull(image, Duration.ofNanos(left))) {
                return image;
            }
            failedPulls.put(image, clock.instant());
        }
        throw new EngineUnavailable(candidates.size() == 1
                ? engine + " needs the image " + candidates.getFirst()
                        + ", which is not on this host and cannot be pulled"
                : engine + " needs one of the images " + String.join(", ", candidates)
                        + ", none of which is on this host or can be pulled");
    }

    private boolean present(String image) {
        try {
            calls.idempotent("inspect image " + image, () -> docker.inspectImageCmd(image).exec());
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private boolean recentlyFailed(String image) {
        Instant failed = failedPulls.get(image);
        return failed != null && failed.plus(pullFailureMemory).isAfter(clock.instant());
    }

    /*
     * Not through the breaker: a registry that cannot be reached says nothing about the Docker engine, and must not
     * make the breaker hold the engine for unavailable.
     */
    private boolean pull(String image, Duration timeout) {
        try (PullImageResultCallback callback = docker.pullImageCmd(image).exec(new PullImageResultCallback())) {
            if (!callback.awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.info("pulling {} did not finish within {}", image, timeout);
                return false;
            }
            log.info("pulled {}", image);
            return present(image);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            log.info("could not pull {}: {}", image, DockerFailures.messageOf(e));
            return false;
        }
    }
}
