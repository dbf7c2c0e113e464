package dev.paas.database.databases;

/**
 * A request for a managed database.
 *
 * @param type {@code postgresql}, {@code mysql}, {@code mongodb} or {@code redis}
 * @param name 1–40 of [a-z0-9-], starting with a letter, unique among the owner's databases
 * @param version one of the type's versions; null: the default
 * @param externalAccess whether to publish its port on the host's loopback interface too
 */
public record NewDatabase(String type, String name, String version, Boolean externalAccess) {
}
