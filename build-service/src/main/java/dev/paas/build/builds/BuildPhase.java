package dev.paas.build.builds;

import java.util.Locale;
import java.util.Optional;

/**
 * The phases of a build, in the order they run, as shown on each log line: {@code clone} the repository,
 * {@code detect} the stack, {@code install} dependencies and {@code build} the app (both inside the Docker build),
 * assemble the {@code image}, and {@code deploy}: hand the image over to runtime-service ({@code ImageBuilt}).
 */
public enum BuildPhase {
    CLONE, DETECT, INSTALL, BUILD, IMAGE, DEPLOY;

    /** The phase's name in logs and on the API: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The phase a wire name stands for, if any. */
    static Optional<BuildPhase> ofWireName(String name) {
        for (BuildPhase phase : values()) {
            if (phase.wireName().equals(name)) {
                return Optional.of(phase);
            }
        }
        return Optional.empty();
    }
}
