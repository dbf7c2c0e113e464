package dev.paas.build.image;

import dev.paas.build.BuildFailure;

/**
 * The image build was stopped on request (a cancelled deployment); nothing of it is left. A {@link BuildFailure}, so
 * the {@code docker} circuit breaker ignores it like any other outcome the engine is not to blame for.
 */
public final class BuildCancelled extends BuildFailure {

    public BuildCancelled(String reason) {
        super(reason);
    }
}
