package dev.paas.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.runtime.container.ListeningSocket;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HealthProbeOutcomeTest {

    private static final List<String> NO_LOG = List.of();

    @Test
    void explainsASilentAppWithPortAndTimeoutWhenItsSocketsAreUnknown() {
        assertThat(silent(3000, Duration.ofSeconds(60), Optional.empty(), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s and wrote no log");
        assertThat(silent(8080, Duration.ofMillis(1500), Optional.empty(), List.of("listening soon")))
                .isEqualTo("app did not answer HTTP on port 8080 within 1500 ms; its last log lines:\nlistening soon");
    }

    @Test
    void explainsAnAppThatOnlyAnswersWithServerErrors() {
        assertThat(new HealthProbe.Silent(3000, Duration.ofSeconds(60), 503, Optional.empty(), NO_LOG).failure())
                .isEqualTo("app answered only with HTTP 503 on port 3000 within 60 s");
    }

    @Test
    void explainsAnAppListeningOnLoopbackOnly() throws Exception {
        assertThat(silent(3000, Duration.ofSeconds(60), sockets("127.0.0.1:3000"), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s: the app listens on 127.0.0.1:3000 "
                        + "inside its container; listen on 0.0.0.0 or on $PORT");
        assertThat(silent(3000, Duration.ofSeconds(5), sockets("::1:3000", "127.0.0.1:9229"), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 5 s: the app listens on [::1]:3000 "
                        + "inside its container; listen on 0.0.0.0 or on $PORT");
    }

    @Test
    void explainsAnAppListeningOnAnotherPort() throws Exception {
        assertThat(silent(3000, Duration.ofSeconds(60), sockets("0.0.0.0:8080", "127.0.0.1:9229"), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s: the app listens on 0.0.0.0:8080, "
                        + "not on port 3000: set the port to 8080 or listen on $PORT");
        assertThat(silent(3000, Duration.ofSeconds(60), sockets("0.0.0.0:8080", "::0:8080", "::0:8443"), NO_LOG))
                .endsWith("the app listens on 0.0.0.0:8080, [::]:8080, [::]:8443, not on port 3000: "
                        + "set the port to one of 8080, 8443 or listen on $PORT");
    }

    @Test
    void explainsAnAppListeningOnLoopbackAndAnotherPort() throws Exception {
        assertThat(silent(3000, Duration.ofSeconds(60), sockets("127.0.0.1:8080"), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s: the app listens on 127.0.0.1:8080 "
                        + "inside its container, not on 0.0.0.0:3000; listen on 0.0.0.0 and on $PORT");
    }

    @Test
    void explainsAnAppThatOpenedNoPortWithItsLastLogLines() {
        assertThat(silent(3000, Duration.ofSeconds(60), Optional.of(List.of()),
                List.of("connecting to the database...", "still connecting   ")))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s: it opened no port; its last log "
                        + "lines:\nconnecting to the database...\nstill connecting");
        assertThat(silent(3000, Duration.ofSeconds(60), Optional.of(List.of()), NO_LOG))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s: it opened no port and wrote no log");
    }

    @Test
    void explainsAnAppThatListensOnItsPortButDoesNotSpeakHttp() throws Exception {
        assertThat(silent(3000, Duration.ofSeconds(60), sockets("::0:3000"), List.of("ready")))
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s, though it listens on [::]:3000; its "
                        + "last log lines:\nready");
    }

    private static String silent(int port, Duration waited, Optional<List<ListeningSocket>> listening,
            List<String> log) {
        return new HealthProbe.Silent(port, waited, 0, listening, log).failure();
    }

    /** Sockets written as {@code address:port}, the port after the last colon. */
    private static Optional<List<ListeningSocket>> sockets(String... sockets) throws UnknownHostException {
        List<ListeningSocket> parsed = new java.util.ArrayList<>();
        for (String socket : sockets) {
            int colon = socket.lastIndexOf(':');
            parsed.add(new ListeningSocket(InetAddress.getByName(socket.substring(0, colon)),
                    Integer.parseInt(socket.substring(colon + 1))));
        }
        return Optional.of(List.copyOf(parsed));
    }

    @Test
    void keepsOnlyTheTailOfAHugeLog() {
        List<String> lines = IntStream.range(0, 100).mapToObj(i -> "line " + i + " " + "x".repeat(400)).toList();

        String failure = new HealthProbe.Exited(1, false, lines).failure();

        assertThat(failure).startsWith("container exited with code 1: line ").endsWith("...")
                .contains("line 99 ").doesNotContain("line 0 ");
        assertThat(failure.length()).isLessThan(3100);
    }

    @Test
    void explainsACrashWithExitCodeAndLastLogLines() {
        HealthProbe.Exited exited = new HealthProbe.Exited(1, false, List.of("Error: Cannot find module 'express'",
                "    at Module._resolveFilename"));

        assertThat(exited.failure()).isEqualTo("container exited with code 1: Error: Cannot find module 'express'\n"
                + "    at Module._resolveFilename");
    }

    @Test
    void explainsAnOutOfMemoryKill() {
        assertThat(new HealthProbe.Exited(137, true, List.of()).failure())
                .isEqualTo("container was killed for exceeding its memory limit (exit code 137) and wrote no log");
    }

    @Test
    void anAnswerIsNoFailure() {
        assertThat(new HealthProbe.Answered(404, Duration.ofMillis(420)).failure()).isNull();
    }
}
