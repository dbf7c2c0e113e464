package dev.paas.project.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppRuntimeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    @Test
    void keepsTheNewestReportAndTheInstancesTheAppLastRanWith() {
        AppRuntime runtime = AppRuntime.UNKNOWN
                .reported(AppRuntime.State.RUNNING, 3, NOW.plusSeconds(10))
                .reported(AppRuntime.State.STOPPED, 0, NOW.plusSeconds(20));

        assertThat(runtime).isEqualTo(new AppRuntime(AppRuntime.State.STOPPED, NOW.plusSeconds(20), 3));
        assertThat(runtime.reported(AppRuntime.State.RUNNING, 5, NOW.plusSeconds(15)))
                .as("an older report arriving late").isSameAs(runtime);
        assertThat(runtime.reported(AppRuntime.State.RUNNING, 2, NOW.plusSeconds(30)))
                .isEqualTo(new AppRuntime(AppRuntime.State.RUNNING, NOW.plusSeconds(30), 2));
    }

    @Test
    void startsWithOneInstance() {
        assertThat(AppRuntime.UNKNOWN.reported(AppRuntime.State.CRASH_LOOP, 0, NOW))
                .isEqualTo(new AppRuntime(AppRuntime.State.CRASH_LOOP, NOW, 1));
    }
}
