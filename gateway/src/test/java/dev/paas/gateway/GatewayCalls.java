package dev.paas.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests to a gateway under test on 127.0.0.1. */
final class GatewayCalls {

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    GatewayCalls(int port) {
        this.port = port;
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(to(path));
    }

    HttpResponse<String> get(String path, String token) {
        return send(to(path).header("Authorization", "Bearer " + token));
    }

    HttpResponse<String> post(String path, String token, String json) {
        HttpRequest.Builder request = to(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(token == null ? request : request.header("Authorization", "Bearer " + token));
    }
}
