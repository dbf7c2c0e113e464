package dev.paas.database.engine;

/**
 * What an app logs in with: the user, its password and the database (schema) it owns. Redis has no user or
 * database name: {@code user} is {@code default} and {@code database} is {@code 0}. Never logged: {@link #toString()}
 * hides the password.
 */
public record Credentials(String user, String password, String database) {

    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***, database=" + database + "]";
    }
}
