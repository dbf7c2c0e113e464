package dev.paas.build.stack;

import java.util.List;

/**
 * The runtime catalog as detection sees it: config-backed by default ({@link ConfiguredRuntimeImages}); an admin-
 * editable implementation may replace it.
 */
public interface RuntimeImages {

    /** All versions of a stack, in any order; empty when the catalog has none. */
    List<RuntimeImage> images(String stack);
}
