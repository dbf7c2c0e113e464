package dev.paas.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Properties that every component test of a service gets unless the test sets them itself, named in
 * {@link ServiceComponentTest#defaults()}: what a service's tests share but cannot write down as constants (the
 * URL of a fake started on a free port, the key set tokens are verified with). Implementations have a no-argument
 * constructor and return the same values for every context of a JVM, since contexts are cached by their settings.
 */
@FunctionalInterface
public interface ComponentTestDefaults {

    void register(DynamicPropertyRegistry registry);
}
