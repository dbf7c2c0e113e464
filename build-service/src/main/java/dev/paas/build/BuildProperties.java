package dev.paas.build;

import dev.paas.build.stack.RuntimeImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of build-service under {@code paas.build}.
 *
 * @param concurrency how many builds one instance runs at the same time
 * @param pollInterval how often the worker looks for queued builds it was not woken up for
 * @param lease how long a running build stays claimed without a heartbeat before another worker may take it over
 * @param maxAttempts how many times a build interrupted by a crash is resumed before it is failed
 * @param cloneTimeout upper bound for cloning a repository
 * @param buildTimeout upper bound for building an image
 * @param workDir where repositories are cloned; empty means a {@code paas-build} folder in the temp directory
 * @param allowLocalRepositories whether {@code file://} and loopback repository URLs are accepted (local mode)
 * @param extraCaFile PEM bundle added to generated images as trusted CAs (a TLS-intercepting proxy); empty = none
 * @param maxLogLines lines kept per build log; the rest is cut with a note
 * @param stacks the stacks built from a template, by name: how detection finds them
 * @param runtimes the runtime catalog's defaults, one entry per stack and version: they seed the admin-editable
 *     catalog (an empty one only)
 */
@ConfigurationProperties("paas.build")
public record BuildProperties(
        @DefaultValue("2") int concurrency,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("30s") Duration lease,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2m") Duration cloneTimeout,
        @DefaultValue("15m") Duration buildTimeout,
        @DefaultValue("") String workDir,
        @DefaultValue("false") boolean allowLocalRepositories,
        @DefaultValue("") String extraCaFile,
        @DefaultValue("20000") int maxLogLines,
        Map<String, Runtime> stacks,
        List<RuntimeImage> runtimes) {

    public BuildProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("paas.build.concurrency must be at least 1, was " + concurrency);
        }
        stacks = stacks == null ? Map.of() : Map.copyOf(stacks);
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
    }

    /** The folder builds clone into. */
    public Path workDirectory() {
        return workDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "paas-build") : Path.of(workDir);
    }

    /** The extra CA bundle, when one is configured. */
    public Optional<Path> extraCaBundle() {
        return extraCaFile.isBlank() ? Optional.empty() : Optional.of(Path.of(extraCaFile));
    }

    /**
     * One stack built from a Dockerfile template.
     *
     * @param image the base image the template starts from
     * @param port the port the app listens on
     * @param markers files at the repository root that select this runtime (any of them)
     * @param order detection priority among runtimes, lowest first (a Dockerfile always wins)
     * @param template the template resource under {@code templates/}; empty = {@code <name>.Dockerfile}
     * @param ignore paths kept out of the build context besides {@code .git} (for node: {@code node_modules})
     */
    public record Runtime(String image, int port, List<String> markers, @DefaultValue("100") int order,
            @DefaultValue("") String template, List<String> ignore) {

        public Runtime {
            markers = markers == null ? List.of() : List.copyOf(markers);
            ignore = ignore == null ? List.of() : List.copyOf(ignore);
        }
    }
}
