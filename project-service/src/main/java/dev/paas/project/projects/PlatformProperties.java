package dev.paas.project.projects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where apps are served and which repositories may be deployed.
 *
 * @param baseDomain apps live at {@code <slug>.<baseDomain>}
 * @param publicScheme scheme of app URLs
 * @param publicPort port of app URLs; the scheme's default port is left out
 * @param allowLocalRepositories accept {@code file://} URLs and git servers on loopback (local mode only)
 */
@ConfigurationProperties("paas")
public record PlatformProperties(String baseDomain, String publicScheme, int publicPort, boolean allowLocalRepositories) {

    public PlatformProperties {
        baseDomain = baseDomain == null ? "paas.localhost" : baseDomain;
        publicScheme = publicScheme == null ? "http" : publicScheme;
        publicPort = publicPort == 0 ? ("https".equals(publicScheme) ? 443 : 80) : publicPort;
    }

    /** The public URL of the app with {@code slug}. */
    public String urlOf(String slug) {
        boolean defaultPort = ("http".equals(publicScheme) && publicPort == 80)
                || ("https".equals(publicScheme) && publicPort == 443);
        return publicScheme + "://" + slug + "." + baseDomain + (defaultPort ? "" : ":" + publicPort);
    }
}
