package dev.paas.build.stack;

/**
 * One catalog entry: the images a stack/version builds and runs on.
 *
 * @param stack the stack ({@code node}, {@code python}, {@code go}, {@code php}, {@code java}, {@code static})
 * @param version the runtime version, such as {@code 20} or {@code 3.11}
 * @param buildImage the image the build stage starts from
 * @param runImage the image the final stage starts from
 */
public record RuntimeImage(String stack, String version, String buildImage, String runImage) {}
