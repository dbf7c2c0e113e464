package dev.paas.project.projects;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Turns project names into DNS-label-safe slugs: lower-case letters, digits and single hyphens, at most 40
 * characters, never starting or ending with a hyphen. A taken slug gets {@code -2}, {@code -3}, ... appended.
 */
final class Slugs {

    static final int MAX_LENGTH = 40;

    private Slugs() {
    }

    static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "app" : slug;
    }

    static String unique(String name, Predicate<String> taken) {
        String base = of(name);
        String candidate = base;
        for (int n = 2; taken.test(candidate); n++) {
            String suffix = "-" + n;
            String stem = base.length() + suffix.length() > MAX_LENGTH
                    ? base.substring(0, MAX_LENGTH - suffix.length()).replaceAll("-+$", "")
                    : base;
            candidate = stem + suffix;
        }
        return candidate;
    }
}
