package dev.paas.database.engine;

/**
 * The engine cannot be run here: no image for the type and version is on this host and none can be pulled, or the
 * version is not offered. The message is meant for the user ({@code MongoDB needs the image mongo:7, which is not on
 * this host and cannot be pulled}).
 */
public class EngineUnavailable extends RuntimeException {

    public EngineUnavailable(String message) {
        super(message);
    }
}
