package dev.paas.build.builds;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many images of a project are kept for rollback, {@code paas.build.keep-images}.
 *
 * @param keepImages the newest images of a project kept after a successful build; older ones go, unless a container
 *     uses them
 */
@ConfigurationProperties("paas.build")
record ImageRetentionProperties(@DefaultValue("5") int keepImages) {

    ImageRetentionProperties {
        if (keepImages < 1) {
            throw new IllegalArgumentException("paas.build.keep-images must be at least 1, was " + keepImages);
        }
    }
}
