package dev.paas.runtime.container;

/**
 * A container that was created and started.
 *
 * @param id the Docker container id
 * @param name its name
 * @param ip the loopback address of its own that its app port is published on
 * @param hostPort the port it is published on there (the same for every replica)
 */
public record StartedContainer(String id, String name, String ip, int hostPort) {

    /** Where Caddy and health checks reach the app: {@code <ip>:<hostPort>}. */
    public String address() {
        return ip + ":" + hostPort;
    }
}
