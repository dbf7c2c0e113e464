package dev.paas.runtime.container;

/** The Docker engine did not answer in time or could not be reached. Worth retrying later. */
public class DockerUnavailable extends RuntimeException {

    DockerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
