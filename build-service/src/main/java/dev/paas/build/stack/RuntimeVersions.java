package dev.paas.build.stack;

import dev.paas.build.BuildFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Picks a catalog version for a constraint such as engines.node {@code ">=18 <21"}, {@code "^20"}, {@code "20.x"},
 * {@code "18 || 20"}, {@code "lts/*"}, a Python {@code "3.11"} or {@code ">=3.9,<3.13"}, or a Java {@code "17"}: the
 * highest satisfying version, else the highest version overall with a reason saying the constraint could not be
 * met. A catalog version is a family: {@code 20} stands for every 20.x.y, so it satisfies {@code ">=20.11"}.
 */
public final class RuntimeVersions {

    private static final Pattern COMPARATOR = Pattern.compile("(>=|<=|>|<|==|=|\\^|~=|~|!=)?\\s*v?([0-9xX*]+(?:\\.[0-9xX*]+){0,2})(?:[-+][0-9A-Za-z.-]*)?");
    private static final Pattern HYPHEN = Pattern.compile("v?([0-9][0-9.xX*]*)\\s+-\\s+v?([0-9][0-9.xX*]*)");
    private static final Map<String, Integer> NODE_LTS = Map.of("argon", 4, "boron", 6, "carbon", 8, "dubnium", 10,
            "erbium", 12, "fermium", 14, "gallium", 16, "hydrogen", 18, "iron", 20, "jod", 22);
    private static final Version MIN = new Version(new int[] {0, 0, 0});

    private final RuntimeImages images;

    public RuntimeVersions(RuntimeImages images) {
        this.images = images;
    }

    /**
     * The highest catalog version of {@code stack} satisfying the constraint (read from {@code constraintSource},
     * e.g. {@code engines.node}), else the highest one with a reason saying why. The reason reads
     * {@code engines.node "^20"}, {@code engines.node ">=24" cannot be met by the catalog (22, 20, 18); using the
     * newest}, or without a constraint {@code no engines.node; the newest in the catalog} (so a source named for its
     * absence, such as {@code go line in go.mod}, reads best there).
     */
    public RuntimeChoice choose(String stack, Optional<String> constraint, String constraintSource) {
        Optional<String> wanted = constraint.map(String::strip).filter(value -> !value.isEmpty());
        return choose(stack, wanted, wanted, constraintSource);
    }

    /**
     * Like {@link #choose}, for a minimum a build declares, such as go.mod's {@code go 1.21} or a Java release
     * {@code 17}: met by that version and every later one, and quoted as declared ({@code go.mod's go line "1.21"}).
     */
    public RuntimeChoice chooseAtLeast(String stack, Optional<String> minimum, String constraintSource) {
        Optional<String> declared = minimum.map(String::strip).filter(value -> !value.isEmpty());
        return choose(stack, declared.map(version -> ">=" + version), declared, constraintSource);
    }

    private RuntimeChoice choose(String stack, Optional<String> wanted, Optional<String> declared,
            String constraintSource) {
        List<RuntimeImage> candidates = images.images(stack).stream()
                .sorted(Comparator.comparing((RuntimeImage image) -> Version.parse(image.version()).orElse(MIN))
                        .reversed())
                .toList();
        if (candidates.isEmpty()) {
            throw new BuildFailure("the runtime catalog has no " + stack + " image; an administrator adds one"
                    + " (paas.build.runtimes or /api/v1/admin/runtimes)");
        }
        RuntimeImage highest = candidates.getFirst();
        if (wanted.isEmpty()) {
            return new RuntimeChoice(highest, (constraintSource == null || constraintSource.isBlank() ? ""
                    : "no " + constraintSource + "; ") + "the newest in the catalog");
        }
        String quoted = constraintSource + " \"" + declared.orElseThrow() + "\"";
        Optional<List<List<Range>>> parsed = parse(wanted.get());
        if (parsed.isEmpty()) {
            return new RuntimeChoice(highest, quoted
                    + " is not a version range build-service reads; using the newest in the catalog");
        }
        for (RuntimeImage candidate : candidates) {
            Optional<Range> family = Version.parse(candidate.version()).map(Range::family);
            if (family.isPresent() && satisfies(family.get(), parsed.get())) {
                return new RuntimeChoice(candidate, quoted);
            }
        }
        return new RuntimeChoice(highest, quoted + " cannot be met by the catalog ("
                + candidates.stream().map(RuntimeImage::version).collect(Collectors.joining(", "))
                + "); using the newest");
    }

    /** Whether a catalog version satisfies the constraint (tests and other planners). */
    static boolean satisfies(String version, String constraint) {
        Optional<List<List<Range>>> parsed = parse(constraint);
        Optional<Version> parsedVersion = Version.parse(version);
        return parsed.isPresent() && parsedVersion.isPresent()
                && satisfies(Range.family(parsedVersion.get()), parsed.get());
    }

    private static boolean satisfies(Range family, List<List<Range>> alternatives) {
        for (List<Range> all : alternatives) {
            Range intersection = family;
            for (Range range : all) {
                intersection = intersection.intersect(range);
            }
            if (!intersection.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** Alternatives ({@code ||}) of ranges that must all hold; empty when unreadable. */
    static Optional<List<List<Range>>> parse(String constraint) {
        List<List<Range>> alternatives = new ArrayList<>();
        for (String alternative : constraint.strip().toLowerCase(Locale.ROOT).split("\\|\\|")) {
            Optional<List<Range>> ranges = parseAlternative(alternative.replace(',', ' ').strip());
            if (ranges.isEmpty()) {
                return Optional.empty();
            }
            alternatives.add(ranges.get());
        }
        return Optional.of(alternatives);
    }

    private static Optional<List<Range>> parseAlternative(String text) {
        if (text.isEmpty() || text.equals("*") || text.equals("x") || text.equals("latest") || text.equals("node")
                || text.equals("current") || text.equals("stable") || text.equals("lts/*") || text.equals("lts")) {
            return Optional.of(List.of(Range.ALL));
        }
        if (text.startsWith("lts/")) {
            Integer major = NODE_LTS.get(text.substring("lts/".length()));
            return major == null ? Optional.empty()
                    : Optional.of(List.of(Range.family(new Version(new int[] {major}))));
        }
        Matcher hyphen = HYPHEN.matcher(text);
        if (hyphen.matches()) {
            Optional<Version> from = Version.parse(hyphen.group(1));
            Optional<Version> to = Version.parse(hyphen.group(2));
            if (from.isEmpty() || to.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(List.of(new Range(from.get().padded(), to.get().next())));
        }
        // "> = 18" and ">= 18" both read as ">=18".
        String compact = text.replaceAll("(>=|<=|==|~=|[<>=^~])\\s+", "$1");
        List<Range> ranges = new ArrayList<>();
        for (String token : compact.split("\\s+")) {
            Matcher matcher = COMPARATOR.matcher(token);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Optional<Range> range = range(matcher.group(1) == null ? "" : matcher.group(1), matcher.group(2));
            if (range.isEmpty()) {
                return Optional.empty();
            }
            ranges.add(range.get());
        }
        return Optional.of(ranges);
    }

    private static Optional<Range> range(String operator, String versionText) {
        if (operator.equals("!=")) {
            return Optional.of(Range.ALL);
        }
        Optional<Version> parsed = Version.parse(versionText);
        if (parsed.isEmpty()) {
            // "x", "*": any version
            return versionText.matches("[xX*](\\.[xX*])*") ? Optional.of(Range.ALL) : Optional.empty();
        }
        Version version = parsed.get();
        return Optional.of(switch (operator) {
            case ">=" -> new Range(version.padded(), null);
            case ">" -> new Range(version.next(), null);
            case "<" -> new Range(null, version.padded());
            case "<=" -> new Range(null, version.next());
            case "^" -> new Range(version.padded(), version.caretEnd());
            case "~" -> new Range(version.padded(), version.tildeEnd());
            case "~=" -> new Range(version.padded(), version.compatibleEnd());
            default -> Range.family(version);
        });
    }

    /** A version with 1 to 3 numeric components (missing ones are wildcards). */
    record Version(int[] parts) implements Comparable<Version> {

        static Optional<Version> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String stripped = text.strip();
            if (stripped.startsWith("v") || stripped.startsWith("V")) {
                stripped = stripped.substring(1);
            }
            List<Integer> parts = new ArrayList<>();
            for (String part : stripped.split("\\.", -1)) {
                if (part.equals("x") || part.equals("X") || part.equals("*")) {
                    break;
                }
                if (!part.matches("\\d{1,9}") || parts.size() == 3) {
                    return Optional.empty();
                }
                parts.add(Integer.parseInt(part));
            }
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Version(parts.stream().mapToInt(Integer::intValue).toArray()));
        }

        Version padded() {
            return new Version(Arrays.copyOf(parts, 3));
        }

        /** The first version after every version this one stands for: 18 → 19.0.0, 18.1 → 18.2.0. */
        Version next() {
            int[] next = Arrays.copyOf(parts, 3);
            next[parts.length - 1]++;
            for (int i = parts.length; i < 3; i++) {
                next[i] = 0;
            }
            return new Version(next);
        }

        Version caretEnd() {
            int[] padded = Arrays.copyOf(parts, 3);
            int firstNonZero = 0;
            while (firstNonZero < parts.length - 1 && padded[firstNonZero] == 0) {
                firstNonZero++;
            }
            return new Version(Arrays.copyOf(parts, firstNonZero + 1)).next();
        }

        Version tildeEnd() {
            return new Version(Arrays.copyOf(parts, Math.min(parts.length, 2))).next();
        }

        /** PEP 440 {@code ~=3.11} means {@code >=3.11, ==3.*}. */
        Version compatibleEnd() {
            return parts.length == 1 ? next() : new Version(Arrays.copyOf(parts, parts.length - 1)).next();
        }

        @Override
        public int compareTo(Version other) {
            return Arrays.compare(Arrays.copyOf(parts, 3), Arrays.copyOf(other.parts, 3));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Version version && Arrays.equals(parts, version.parts);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return Arrays.stream(parts).mapToObj(Integer::toString).collect(Collectors.joining("."));
        }
    }

    /** Versions from {@code from} (inclusive, null = unbounded) to {@code to} (exclusive, null = unbounded). */
    record Range(Version from, Version to) {

        static final Range ALL = new Range(null, null);

        static Range family(Version version) {
            return new Range(version.padded(), version.next());
        }

        Range intersect(Range other) {
            Version lower = from == null ? other.from
                    : other.from == null ? from : from.compareTo(other.from) >= 0 ? from : other.from;
            Version upper = to == null ? other.to : other.to == null ? to : to.compareTo(other.to) <= 0 ? to : other.to;
            return new Range(lower, upper);
        }

        boolean isEmpty() {
            return from != null && to != null && from.compareTo(to) >= 0;
        }
    }
}
