package dev.paas.build.stack;

/**
 * The catalog entry chosen for a stack, with a sentence for the build log saying why.
 *
 * @param image the chosen entry
 * @param reason e.g. {@code engines.node ">=18 <21" → 20}
 */
public record RuntimeChoice(RuntimeImage image, String reason) {
}
