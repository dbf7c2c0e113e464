package dev.paas.build.source;

import java.util.regex.Pattern;

/** Repository URLs as they may be shown in logs and messages. */
public final class RepositoryUrls {

    private static final Pattern USER_INFO = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]+@");

    private RepositoryUrls() {
    }

    /** The URL without credentials: {@code https://token@host/x} becomes {@code https://***@host/x}. */
    public static String redact(String url) {
        return url == null ? null : USER_INFO.matcher(url).replaceFirst("$1***@");
    }
}
