package dev.paas.build.image;

/** The image build was stopped on request (a cancelled or superseded deployment); nothing of it is left. */
public final class BuildCancelled extends RuntimeException {

    public BuildCancelled(String reason) {
        super(reason, null, false, false);
    }
}
