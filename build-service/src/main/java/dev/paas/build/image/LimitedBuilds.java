package dev.paas.build.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build API parameters docker-java's {@code BuildImageCmd} has no setter for ({@code cpuperiod}, {@code cpuquota},
 * {@code cgroupparent}): a client for one build whose transport appends them to its {@code POST /build}. It shares
 * the engine connection pool of the service's client and is never closed itself.
 */
final class LimitedBuilds {

    private static final Logger log = LoggerFactory.getLogger(LimitedBuilds.class);
    private static final Pattern BUILD_PATH = Pattern.compile("^(/v[0-9.]+)?/build(\\?.*)?$");

    private final DockerClient docker;
    private final DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder().build();

    LimitedBuilds(DockerClient docker) {
        this.docker = docker;
    }

    /** A client whose builds carry {@code parameters}; the plain client when its transport cannot be reached. */
    DockerClient with(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return docker;
        }
        if (!(docker instanceof DockerClientImpl client)) {
            log.warn("the Docker client is a {}; builds run without {}", docker.getClass().getName(),
                    parameters.keySet());
            return docker;
        }
        return DockerClientImpl.getInstance(config, new Transport(client.getHttpClient(), parameters));
    }

    /** {@code path} with {@code parameters} appended to its query, if it is the build endpoint. */
    static String withParameters(String path, Map<String, String> parameters) {
        if (!BUILD_PATH.matcher(path).matches()) {
            return path;
        }
        StringBuilder query = new StringBuilder(path).append(path.contains("?") ? '&' : '?');
        new LinkedHashMap<>(parameters).forEach((name, value) -> query.append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&'));
        return query.substring(0, query.length() - 1);
    }

    private record Transport(DockerHttpClient http, Map<String, String> parameters) implements DockerHttpClient {

        @Override
        public Response execute(Request request) {
            String path = withParameters(request.path(), parameters);
            if (path.equals(request.path())) {
                return http.execute(request);
            }
            return http.execute(Request.builder().from(request).path(path).build());
        }

        @Override
        public void close() {
            // The shared transport belongs to the service's client.
        }
    }
}
