package dev.paas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP calls to a service under test on 127.0.0.1, as the gateway makes them: JSON bodies, a bearer token or none. */
public final class ServiceCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    private ServiceCalls(int port) {
        this.port = port;
    }

    /** Calls to the service on {@code port} (its {@code @LocalServerPort}). */
    public static ServiceCalls on(int port) {
        return new ServiceCalls(port);
    }

    /** A GET with {@code token} as bearer token ({@code null}: none). */
    public HttpResponse<String> get(String path, String token) {
        return send("GET", path, null, token);
    }

    /** A request with a JSON {@code body} ({@code null}: none) and {@code token} as bearer token ({@code null}: none). */
    public HttpResponse<String> send(String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }
}
