package dev.paas.database.engine;

/**
 * A dump could not be taken, or did not load: the engine's tool failed. The message names the tool, its exit code and
 * the last lines it wrote ({@code psql exited with 3: ERROR: syntax error at or near "garbage"}), never a credential.
 */
public class DumpRejected extends RuntimeException {

    public DumpRejected(String message) {
        super(message);
    }

    public DumpRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
