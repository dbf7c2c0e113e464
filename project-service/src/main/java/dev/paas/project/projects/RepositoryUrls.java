package dev.paas.project.projects;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which repository URLs may be deployed: {@code https://} always; {@code file://} and {@code http(s)} git
 * servers on loopback only in local mode, so a production platform never clones from its own machine. SSH URLs
 * are refused with a hint until deploy keys exist.
 */
final class RepositoryUrls {

    private static final Pattern SCP_LIKE = Pattern.compile("^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+$");
    private static final Pattern BRANCH = Pattern.compile("^(?!/)(?!.*//)(?!.*\\.\\.)(?!.*@\\{)[A-Za-z0-9._/-]{1,200}(?<![/.])$");

    private static final String SSH_NOT_SUPPORTED = "is an SSH URL: SSH repositories are not supported yet, use the https:// URL";

    private RepositoryUrls() {
    }

    /** Why {@code url} is not acceptable, or empty when it is. */
    static Optional<String> problemWith(String url, boolean allowLocal) {
        if (url == null || url.isBlank()) {
            return Optional.of("must not be blank");
        }
        if (SCP_LIKE.matcher(url).matches()) {
            return Optional.of(SSH_NOT_SUPPORTED);
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file":
                return allowLocal ? Optional.empty()
                        : Optional.of("file:// repositories are accepted only when the platform runs in local mode");
            case "ssh", "git+ssh":
                return Optional.of(SSH_NOT_SUPPORTED);
            case "https", "http":
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    return Optional.of("has no host");
                }
                if (uri.getPath() == null || uri.getPath().length() < 2) {
                    return Optional.of("has no repository path");
                }
                if (isLoopback(uri.getHost()) && !allowLocal) {
                    return Optional.of("points at this machine (" + uri.getHost()
                            + "); local git servers are accepted only in local mode");
                }
                if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
                    return Optional.of("must use https:// (plain http is accepted only for local git servers)");
                }
                return Optional.empty();
            default:
                return Optional.of("must be an https:// URL");
        }
    }

    /** Why {@code branch} is not a valid git branch name, or empty when it is. */
    static Optional<String> problemWithBranch(String branch) {
        if (branch == null || branch.isBlank()) {
            return Optional.of("must not be blank");
        }
        return BRANCH.matcher(branch).matches() && !branch.endsWith(".lock") ? Optional.empty()
                : Optional.of("is not a valid git branch name");
    }

    private static boolean isLoopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost") || bare.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
