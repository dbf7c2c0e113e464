package dev.paas.runtime.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.util.Map;

/** A docker-java client for tests, and clean-up of the containers a test's project left. */
public final class TestDocker {

    private static DockerClient client;

    private TestDocker() {
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerHost(System.getenv().getOrDefault("PAAS_DOCKER_HOST", "unix:///var/run/docker.sock"))
                    .build();
            client = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                    .dockerHost(config.getDockerHost())
                    .build());
        }
        return client;
    }

    /** Ids of all containers (running or not) labelled with the given label value. */
    public static java.util.List<String> containersLabelled(String label, String value) {
        return client().listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(Map.of(label, value))
                .exec()
                .stream()
                .map(container -> container.getId())
                .toList();
    }

    /** Removes every container of a test project. */
    public static void removeProjectContainers(String projectId) {
        for (String id : containersLabelled("paas.project", projectId)) {
            client().removeContainerCmd(id).withForce(true).exec();
        }
    }
}
