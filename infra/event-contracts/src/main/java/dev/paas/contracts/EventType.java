package dev.paas.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The logical name and version an event record travels under. The wire never carries a Java class name:
 * consumers look the pair up in {@link EventCatalog}.
 *
 * <p>{@code name} is {@code <domain>.<event>} in kebab case; the NATS subject is
 * {@code paas.<domain>.<event>.v<version>}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** {@code <domain>.<event>}, for example {@code build.image-built}. */
    String name();

    /** Contract version; a breaking change is a new version published alongside the old. */
    int version();
}
