package dev.paas.build.stack;

/**
 * One runtime catalog entry: the images a stack and version builds and runs on.
 *
 * @param stack {@code node}, {@code static}, ...
 * @param version the version family, e.g. {@code 20} or {@code 3.12}
 * @param buildImage the image dependencies are installed and the app built in
 * @param runImage the image the app runs on
 */
public record RuntimeImage(String stack, String version, String buildImage, String runImage) {
}
