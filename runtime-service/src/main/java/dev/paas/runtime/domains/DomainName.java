package dev.paas.runtime.domains;

import dev.paas.problems.InvalidInput;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A custom domain as a project may claim it: a DNS host name in lower case without the trailing dot, of at least two
 * labels, neither an IP address nor a wildcard, and not one of the platform's own names (the base domain and
 * anything under it).
 */
record DomainName(String value) {

    static final int MAX_LENGTH = 253;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

    /** The host name in {@code input}, or an {@link InvalidInput} on field {@code domain} saying what is wrong. */
    static DomainName parse(String input, String baseDomain) {
        String host = normalize(input);
        if (host.isEmpty()) {
            throw invalid("must not be empty");
        }
        if (host.contains("*")) {
            throw invalid("must not be a wildcard: " + host + " names one host, without '*'");
        }
        if (host.contains(":") || host.startsWith("[")) {
            throw invalid("must be a host name, not an IP address or a host with a port: " + host);
        }
        if (host.length() > MAX_LENGTH) {
            throw invalid("must be at most " + MAX_LENGTH + " characters long, was " + host.length());
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2) {
            throw invalid("must have at least two labels, like shop.example.com: " + host);
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                throw invalid("must not contain an empty label (two dots in a row or a leading dot): " + host);
            }
            if (label.length() > 63) {
                throw invalid("has a label longer than 63 characters: " + label);
            }
            if (!LABEL.matcher(label).matches()) {
                throw invalid("has an invalid label '" + label + "': labels consist of a-z, 0-9 and '-' and "
                        + "neither start nor end with '-'");
            }
        }
        if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
            throw invalid("must be a host name, not an IP address: " + host);
        }
        String base = normalize(baseDomain);
        if (host.equals(base) || host.endsWith("." + base)) {
            throw invalid("must not be " + base + " or a name under it: those are the platform's");
        }
        return new DomainName(host);
    }

    /** Lower case, surrounding blanks and one trailing dot removed; never {@code null}. */
    static String normalize(String input) {
        String host = input == null ? "" : input.strip().toLowerCase(Locale.ROOT);
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    @Override
    public String toString() {
        return value;
    }

    private static InvalidInput invalid(String problem) {
        return new InvalidInput("domain", problem);
    }
}
