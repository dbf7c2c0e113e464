package dev.paas.runtime.ingress;

/** Host names and public URLs of apps: {@code http://<slug>.<base-domain>[:<ingress port>]}. */
public final class AppUrls {

    private final String baseDomain;
    private final int ingressPort;

    public AppUrls(String baseDomain, int ingressPort) {
        this.baseDomain = baseDomain;
        this.ingressPort = ingressPort;
    }

    /** The host name the app is served under. */
    public String host(String slug) {
        return slug + "." + baseDomain;
    }

    /** The URL users open; the port is left out when it is HTTP's default. */
    public String url(String slug) {
        return "http://" + host(slug) + (ingressPort == 80 ? "" : ":" + ingressPort);
    }
}
