package dev.paas.build.stack;

import java.util.List;

/**
 * The runtime catalog as detection sees it: config-backed by default, admin-editable and database-backed in
 * build-service ({@code dev.paas.build.catalog}).
 */
public interface RuntimeImages {

    /** All versions of a stack, any order; empty when the catalog has none. */
    List<RuntimeImage> images(String stack);
}
