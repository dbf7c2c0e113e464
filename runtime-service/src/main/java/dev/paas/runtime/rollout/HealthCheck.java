package dev.paas.runtime.rollout;

/**
 * How a replica is checked: HTTP GET on {@code path} answering 2xx or 3xx, or a TCP connect. When the project set
 * no health path, any answer below 500 at {@code /} counts, so an API without a page at its root is healthy.
 */
record HealthCheck(String path, boolean tcp, boolean strict) {

    static final HealthCheck DEFAULT = new HealthCheck("/", false, false);

    static HealthCheck of(AppRecord app) {
        if (app == null) {
            return DEFAULT;
        }
        String path = app.healthPath() == null || app.healthPath().isBlank() ? "/" : app.healthPath();
        return new HealthCheck(path, app.tcpCheck(), !"/".equals(path));
    }

    boolean passes(int status) {
        return strict ? status >= 200 && status < 400 : status < 500;
    }

    String describe() {
        return tcp ? "a TCP connect" : "HTTP GET " + path;
    }
}
