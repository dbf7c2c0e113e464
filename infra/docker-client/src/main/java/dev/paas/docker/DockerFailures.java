package dev.paas.docker;

import com.github.dockerjava.api.exception.DockerException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.time.Duration;

/**
 * The one place that tells the Docker engine's answers from its unavailability. docker-java reports an answer
 * with a 4xx status as a {@link DockerException} subclass ({@code NotFoundException}, {@code ConflictException},
 * {@code BadRequestException}, {@code NotModifiedException}): those reach the caller unchanged, as does a
 * {@code DockerClientException} (a request docker-java refused to send). A 5xx answer, a transport failure
 * (docker-java wraps the {@link IOException}), a time-out and an open circuit breaker become
 * {@link DockerUnavailable}.
 */
public final class DockerFailures implements CallFailures {

    @Override
    public RuntimeException translate(String what, Throwable failure) {
        return switch (failure) {
            case DockerUnavailable unavailable -> unavailable;
            case DockerException answer when answer.getHttpStatus() < 500 -> answer;
            case DockerException error -> new DockerUnavailable(
                    "the Docker engine failed '" + what + "': " + messageOf(error), error);
            case Throwable transport when causedByIo(transport) -> new DockerUnavailable(
                    "the Docker engine could not be reached for '" + what + "': " + messageOf(transport), transport);
            case RuntimeException unrelated -> unrelated;
            default -> new DockerUnavailable("the Docker call '" + what + "' failed: " + messageOf(failure), failure);
        };
    }

    @Override
    public RuntimeException timedOut(String what, Duration limit) {
        String within = limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
        return new DockerUnavailable("the Docker engine did not answer '" + what + "' within " + within, null);
    }

    @Override
    public RuntimeException rejected(String what, CallNotPermittedException rejection) {
        return new DockerUnavailable("the Docker engine is unavailable (recent calls failed; it is tried again"
                + " shortly)", rejection);
    }

    /**
     * What went wrong, in the engine's words where it gave some: docker-java's {@code Status 404: {"message":"..."}}
     * becomes the message alone; an exception without a message is described by its first cause that has one.
     */
    public static String messageOf(Throwable failure) {
        Throwable current = failure;
        String message = current.getMessage();
        while ((message == null || message.isBlank()) && current.getCause() != null) {
            current = current.getCause();
            message = current.getMessage();
        }
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        int start = message.indexOf("\"message\":\"");
        if (start >= 0) {
            int end = message.indexOf("\"}", start);
            return message.substring(start + 11, end > start ? end : message.length()).strip();
        }
        return message.strip();
    }

    private static boolean causedByIo(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
