package dev.paas.build.catalog;

import dev.paas.build.stack.RuntimeImage;
import dev.paas.problems.InvalidInput;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a catalog entry must look like: a known stack, a dotted numeric version and images named by valid Docker
 * references. Each failure names the JSON field at fault.
 */
final class RuntimeDefinitions {

    /** The stacks detection knows. */
    static final List<String> STACKS = List.of("node", "python", "go", "php", "java", "static");

    private static final Pattern VERSION = Pattern.compile("[0-9]{1,4}(\\.[0-9]{1,4}){0,2}");
    private static final String DOMAIN_COMPONENT = "(?:[a-z0-9]|[a-z0-9][a-z0-9-]*[a-z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]{1,5})?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final Pattern IMAGE = Pattern.compile("(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/"
            + PATH_COMPONENT + ")*(?::[a-z0-9_][a-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?");
    private static final int MAX_IMAGE_LENGTH = 255;
    private static final String IMAGE_SHAPE = "must be a Docker image reference ([registry/]name[:tag][@sha256:digest],"
            + " lowercase, without whitespace)";

    /** Stack by stack in {@link #STACKS} order, then by numeric version ({@code 9} before {@code 10}). */
    static final Comparator<RuntimeEntry> CATALOG_ORDER = Comparator
            .comparingInt((RuntimeEntry entry) -> STACKS.indexOf(entry.stack()))
            .thenComparing(RuntimeEntry::version, RuntimeDefinitions::compareVersions);

    private RuntimeDefinitions() {
    }

    /** The definition, checked; throws {@link InvalidInput} naming the first field at fault. */
    static RuntimeImage checked(RuntimeImage definition) {
        String stack = required("stack", definition.stack());
        if (!STACKS.contains(stack)) {
            throw new InvalidInput("stack", "must be one of " + String.join(", ", STACKS) + ", got '" + stack + "'");
        }
        String version = required("version", definition.version());
        if (!VERSION.matcher(version).matches()) {
            throw new InvalidInput("version", "must be a version such as 20 or 3.11, got '" + version + "'");
        }
        return new RuntimeImage(stack, version, image("buildImage", definition.buildImage()),
                image("runImage", definition.runImage()));
    }

    /** Whether {@code reference} is a valid, lowercase Docker image reference. */
    static boolean isImageReference(String reference) {
        return reference != null && reference.length() <= MAX_IMAGE_LENGTH && IMAGE.matcher(reference).matches();
    }

    /** Compares dotted numeric versions part by part; a missing part counts as lower ({@code 3} before {@code 3.0}). */
    static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int compared = Long.compare(Long.parseLong(a[i]), Long.parseLong(b[i]));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    private static String image(String field, String reference) {
        required(field, reference);
        if (!isImageReference(reference)) {
            throw new InvalidInput(field, IMAGE_SHAPE + ", got '" + reference + "'");
        }
        return reference;
    }

    private static String required(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput(field, "must not be empty");
        }
        return value;
    }
}
