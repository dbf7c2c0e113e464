package dev.paas.build;

import java.time.Duration;

/** Durations as messages show them: {@code 15 min}, {@code 2 min 30 s}, {@code 4 s}. */
public final class Durations {

    private Durations() {
    }

    public static String describe(Duration duration) {
        long minutes = duration.toMinutes();
        int seconds = duration.toSecondsPart();
        if (minutes == 0) {
            return duration.toSeconds() + " s";
        }
        return seconds == 0 ? minutes + " min" : minutes + " min " + seconds + " s";
    }
}
