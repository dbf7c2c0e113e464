package dev.paas.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

/** Builds the docker-java client (core with the httpclient5 transport); the auto-configuration and tests use it. */
public final class DockerClients {

    private DockerClients() {
    }

    public static DockerClient create(DockerClientProperties properties) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(properties.host())
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(properties.maxConnections())
                .connectionTimeout(properties.connectTimeout())
                .responseTimeout(properties.responseTimeout())
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
