package dev.paas.build.stack;

import dev.paas.build.BuildProperties;
import java.util.List;

/** The runtime catalog configured under {@code paas.build.runtimes}. */
public final class ConfiguredRuntimeImages implements RuntimeImages {

    private final List<RuntimeImage> images;

    public ConfiguredRuntimeImages(List<RuntimeImage> images) {
        this.images = List.copyOf(images);
    }

    public static ConfiguredRuntimeImages from(List<BuildProperties.Runtime> configured) {
        return new ConfiguredRuntimeImages(configured.stream()
                .map(entry -> new RuntimeImage(entry.stack(), entry.version(), entry.buildImage(), entry.runImage()))
                .toList());
    }

    /** Every entry, in configuration order. */
    public List<RuntimeImage> all() {
        return images;
    }

    @Override
    public List<RuntimeImage> images(String stack) {
        return images.stream().filter(image -> image.stack().equals(stack)).toList();
    }
}
