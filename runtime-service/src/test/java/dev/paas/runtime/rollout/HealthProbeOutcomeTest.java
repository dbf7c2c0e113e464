package dev.paas.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HealthProbeOutcomeTest {

    @Test
    void explainsASilentAppWithPortAndTimeout() {
        assertThat(new HealthProbe.Silent(3000, Duration.ofSeconds(60), 0).failure())
                .isEqualTo("app did not answer HTTP on port 3000 within 60 s");
        assertThat(new HealthProbe.Silent(8080, Duration.ofMillis(1500), 0).failure())
                .isEqualTo("app did not answer HTTP on port 8080 within 1500 ms");
    }

    @Test
    void explainsAnAppThatOnlyAnswersWithServerErrors() {
        assertThat(new HealthProbe.Silent(3000, Duration.ofSeconds(60), 503).failure())
                .isEqualTo("app answered only with HTTP 503 on port 3000 within 60 s");
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
