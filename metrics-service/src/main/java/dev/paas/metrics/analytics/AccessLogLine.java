package dev.paas.metrics.analytics;

import java.time.Instant;

/**
 * One request as Caddy's access log tells it: what analytics needs of a line, nothing else.
 *
 * @param at when the request was handled
 * @param host the {@code Host} header
 * @param path the request path without its query string
 * @param clientAddress the client's address (Caddy's {@code client_ip}, else {@code remote_ip}); never stored
 * @param userAgent the {@code User-Agent} header, or empty
 * @param status the response status
 * @param bytesSent the response body's size
 * @param durationSeconds the time Caddy spent on the request
 */
record AccessLogLine(Instant at, String host, String path, String clientAddress, String userAgent, int status,
        long bytesSent, double durationSeconds) {
}
