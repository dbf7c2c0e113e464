package dev.paas.build.source;

import dev.paas.build.BuildFailure;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which repository URLs build-service clones from. {@code https://} always; {@code file://} and URLs naming this
 * machine (loopback) only in local mode ({@code paas.build.allow-local-repositories}), so a deployed platform cannot be
 * asked to read its own disk or services. Link-local addresses (cloud metadata endpoints) never. Host names are
 * judged as written: a public name that resolves to a loopback address is not caught here.
 */
public final class RepositoryUrlPolicy {

    private static final String LOCAL_MODE = "paas.build.allow-local-repositories=true";
    private static final Pattern SCP_LIKE = Pattern.compile("^[\\w.-]+@[\\w.-]+:.*");
    private static final Pattern DIGITS_AND_DOTS = Pattern.compile("^[0-9.]+$");
    private static final Pattern DOTTED_QUAD = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    private final boolean allowLocal;

    public RepositoryUrlPolicy(boolean allowLocal) {
        this.allowLocal = allowLocal;
    }

    /** Fails the build with the reason when the URL may not be cloned. */
    public void check(String url) {
        rejection(url).ifPresent(reason -> {
            throw new BuildFailure(reason);
        });
    }

    /** Why the URL may not be cloned, or empty when it may. */
    public Optional<String> rejection(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("repository URL is empty");
        }
        String shown = RepositoryUrls.redact(url.strip());
        if (SCP_LIKE.matcher(url.strip()).matches()) {
            return Optional.of("repository URL " + shown + " is an SSH URL: SSH is not supported yet, use the https:// URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("repository URL " + shown + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https" -> checkHost(uri, shown, false);
            case "http" -> checkHost(uri, shown, true);
            case "file" -> allowLocal ? Optional.empty() : Optional.of("repository URL " + shown
                    + " is a local path: file:// URLs are only accepted in local mode (" + LOCAL_MODE + ")");
            case "ssh", "git+ssh" -> Optional.of("repository URL " + shown
                    + " is an SSH URL: SSH is not supported yet, use the https:// URL");
            case "" -> Optional.of("repository URL " + shown + " has no scheme: use an https:// URL");
            default -> Optional.of("repository URL " + shown + " uses the unsupported scheme '" + scheme
                    + "': use an https:// URL");
        };
    }

    private Optional<String> checkHost(URI uri, String shown, boolean plainHttp) {
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("repository URL " + shown + " has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (DIGITS_AND_DOTS.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            return Optional.of("repository URL " + shown + " has a numeric host in an unusual form (" + host
                    + "): write the address as four dotted numbers or use a host name");
        }
        if (isLinkLocal(host)) {
            return Optional.of("repository URL " + shown + " points to a link-local address (" + host
                    + "), which is never cloned from");
        }
        if (isLoopback(host)) {
            return allowLocal ? Optional.empty() : Optional.of("repository URL " + shown
                    + " points to this machine (" + host + "): loopback hosts are only accepted in local mode ("
                    + LOCAL_MODE + ")");
        }
        if (plainHttp) {
            return Optional.of("repository URL " + shown + " uses plain http://: use https:// (plain http is only"
                    + " accepted for loopback hosts in local mode)");
        }
        return Optional.empty();
    }

    private static boolean isLoopback(String host) {
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("0.0.0.0")) {
            return true;
        }
        if (host.equals("::1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::")) {
            return true;
        }
        String ipv4 = host.startsWith("::ffff:") ? host.substring("::ffff:".length()) : host;
        return DOTTED_QUAD.matcher(ipv4).matches() && ipv4.startsWith("127.");
    }

    private static boolean isLinkLocal(String host) {
        String ipv4 = host.startsWith("::ffff:") ? host.substring("::ffff:".length()) : host;
        return (DOTTED_QUAD.matcher(ipv4).matches() && ipv4.startsWith("169.254."))
                || host.startsWith("fe80:");
    }
}
