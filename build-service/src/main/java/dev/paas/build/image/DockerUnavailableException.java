package dev.paas.build.image;

/** A call to the Docker engine failed for reasons of the engine or the connection, not of the repository. */
public class DockerUnavailableException extends RuntimeException {

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
