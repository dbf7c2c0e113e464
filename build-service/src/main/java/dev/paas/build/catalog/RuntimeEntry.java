package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the runtime catalog as the admin API shows it.
 *
 * @param id the entry
 * @param stack the stack it serves
 * @param version the runtime version ({@code 20}, {@code 3.11})
 * @param buildImage the image builds of this version start from
 * @param runImage the image the app of this version runs on
 * @param createdAt when it was added
 * @param updatedAt when it last changed
 */
public record RuntimeEntry(UUID id, String stack, String version, String buildImage, String runImage,
        Instant createdAt, Instant updatedAt) {

    /** The images, as detection sees them. */
    public RuntimeImage image() {
        return new RuntimeImage(stack, version, buildImage, runImage);
    }
}
