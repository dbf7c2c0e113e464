package dev.paas.runtime.container;

/**
 * What Docker says about a container right now.
 *
 * @param status Docker's word for it: {@code created}, {@code running}, {@code exited}, ... or {@code missing}
 * @param running whether its main process runs
 * @param exitCode the exit code of its last run (meaningful when not running)
 * @param oomKilled whether the kernel killed it for exceeding its memory limit
 */
public record ContainerState(String status, boolean running, long exitCode, boolean oomKilled) {

    /** The state of a container Docker does not know. */
    public static ContainerState missing() {
        return new ContainerState("missing", false, -1, false);
    }

    public boolean exists() {
        return !"missing".equals(status);
    }
}
