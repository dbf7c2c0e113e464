package dev.paas.runtime.databases;

/**
 * The variables of a link cannot be taken: no link key is configured, the value does not open under it (another key,
 * tampered with, sealed for another project or database), or it is not a JSON object of names to text. The message
 * names the link, never a value; nothing of the link was stored or changed.
 */
public class LinkRejected extends RuntimeException {

    LinkRejected(String message) {
        super(message);
    }

    LinkRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
