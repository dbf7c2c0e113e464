package dev.paas.database.databases;

/** The owner's plan allows no further database of a type; answered with 403 "Quota exceeded". */
public class QuotaExceeded extends RuntimeException {

    public QuotaExceeded(String message) {
        super(message);
    }
}
