package dev.paas.build.image;

import java.nio.file.Path;
import java.util.Map;

/**
 * What to build.
 *
 * @param context the build context directory
 * @param dockerfile the Dockerfile inside it
 * @param tag the tag the image gets, {@code paas-app/<slug>:<deploymentId>}
 * @param labels labels set on the image
 */
public record ImageBuildRequest(Path context, Path dockerfile, String tag, Map<String, String> labels) {

    public ImageBuildRequest {
        labels = Map.copyOf(labels);
    }
}
