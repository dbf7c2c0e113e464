package dev.paas.identity;

/** A request value the caller got wrong; names the field so the API can point at it. Changes nothing. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + " " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
