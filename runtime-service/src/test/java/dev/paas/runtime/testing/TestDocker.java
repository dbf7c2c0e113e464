package dev.paas.runtime.testing;

import com.github.dockerjava.api.DockerClient;
import dev.paas.docker.DockerClientProperties;
import dev.paas.docker.DockerClients;
import java.util.Map;

/** A docker-java client for tests, and clean-up of the containers a test's project left. */
public final class TestDocker {

    private static DockerClient client;

    private TestDocker() {
    }

    public static synchronized DockerClient client() {
        if (client == null) {
            client = DockerClients.create(DockerClientProperties.fromEnvironment());
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
            try {
                client().removeContainerCmd(id).withForce(true).exec();
            } catch (com.github.dockerjava.api.exception.NotFoundException
                    | com.github.dockerjava.api.exception.ConflictException goneOrGoing) {
                // removed meanwhile (a container started with auto-remove), or being removed already
            }
        }
    }
}
