package dev.paas.runtime.container;

/** Docker could not create or start an app container; nothing of it was left behind. */
public class ContainerStartFailed extends RuntimeException {

    ContainerStartFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
