package dev.paas.build;

import dev.paas.build.stack.RuntimeImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
        List<Runtime> runtimes) {

    public BuildProperties {
        if (concurrency < 1) {
            throw new IllegalArgumentException("paas.build.concurrency must be at least 1, was " + concurrency);
        }
        runtimes = runtimes == null ? List.of() : List.copyOf(runtimes);
        requireValid(runtimes);
    }

    /** The folder builds clone into. */
    public Path workDirectory() {
        return workDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "paas-build") : Path.of(workDir);
    }

    /** The extra CA bundle, when one is configured. */
    public Optional<Path> extraCaBundle() {
        return extraCaFile.isBlank() ? Optional.empty() : Optional.of(Path.of(extraCaFile));
    }

    private static void requireValid(List<Runtime> runtimes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < runtimes.size(); i++) {
            Runtime runtime = runtimes.get(i);
            String at = "paas.build.runtimes[" + i + "]";
            if (runtime == null) {
                throw new IllegalArgumentException(at + " is empty");
            }
            if (isBlank(runtime.stack())) {
                throw new IllegalArgumentException(at + ".stack is missing (node, static, ...)");
            }
            String entry = at + " (stack '" + runtime.stack() + "'";
            if (isBlank(runtime.version())) {
                throw new IllegalArgumentException(entry + ") has no version, e.g. \"20\"");
            }
            entry += ", version '" + runtime.version() + "')";
            if (!runtime.version().strip().matches("\\d+(\\.\\d+){0,2}")) {
                throw new IllegalArgumentException(entry + ": the version must be numbers such as 20 or 3.12");
            }
            if (isBlank(runtime.buildImage())) {
                throw new IllegalArgumentException(entry + " has no build-image");
            }
            if (!seen.add(runtime.stack() + "@" + runtime.version().strip())) {
                throw new IllegalArgumentException(entry + " is listed twice");
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /**
     * One runtime catalog entry: the images a stack and version builds and runs on.
     *
     * @param stack the stack ({@code node}, {@code static}, ...)
     * @param version the version family ({@code 20}, {@code 3.12}); detection picks the highest satisfying one
     * @param buildImage the image dependencies are installed and the app is built in
     * @param runImage the image the app runs on; empty = the build image
     */
    public record Runtime(String stack, String version, String buildImage, String runImage) {

        public Runtime {
            stack = stack == null ? null : stack.strip();
            version = version == null ? null : version.strip();
            buildImage = buildImage == null ? null : buildImage.strip();
            runImage = runImage == null || runImage.isBlank() ? buildImage : runImage.strip();
        }
    }
}
