package dev.paas.runtime.container;

/**
 * A container that was created and started.
 *
 * @param id the Docker container id
 * @param name its name
 * @param hostPort the random port on 127.0.0.1 its app port is published on
 */
public record StartedContainer(String id, String name, int hostPort) {

    /** Where Caddy and health checks reach the app: {@code 127.0.0.1:<hostPort>}. */
    public String address() {
        return "127.0.0.1:" + hostPort;
    }
}
