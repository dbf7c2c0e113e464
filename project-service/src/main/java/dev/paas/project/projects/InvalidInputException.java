package dev.paas.project.projects;

/** A request a user can fix: the field it concerns and what is wrong with it. Nothing was changed. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
