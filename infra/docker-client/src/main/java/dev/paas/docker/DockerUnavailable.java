package dev.paas.docker;

/**
 * The Docker engine could not be reached, did not answer in time, failed on its side (a 5xx answer), or is held
 * for unavailable by the circuit breaker after recent failures. Worth trying again later; says nothing about the
 * request itself.
 */
public class DockerUnavailable extends RuntimeException {

    public DockerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
