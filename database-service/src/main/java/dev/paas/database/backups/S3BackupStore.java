package dev.paas.database.backups;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Backups in a bucket of any S3-compatible server, over {@link HttpClient} with requests signed by
 * {@link SignatureV4}: PUT with the payload's SHA-256 and length (the server checks both), GET streamed, HEAD and
 * DELETE. Path-style addressing ({@code <endpoint>/<bucket>/<key>}) by default, virtual-host style otherwise.
 */
final class S3BackupStore implements BackupStore {

    private final URI endpoint;
    private final String bucket;
    private final boolean pathStyle;
    private final SignatureV4 signature;
    private final HttpClient http;
    private final Clock clock;

    S3BackupStore(URI endpoint, String bucket, String region, String accessKey, String secretKey, boolean pathStyle,
            Clock clock) {
        this.endpoint = URI.create(endpoint.toString().replaceAll("/+$", ""));
        this.bucket = bucket;
        this.pathStyle = pathStyle;
        this.signature = new SignatureV4(accessKey, secretKey, region, "s3");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.clock = clock;
    }

    /** Creates the bucket unless it exists. */
    void ensureBucket() {
        HttpResponse<String> head = send("HEAD", "", HttpRequest.BodyPublishers.noBody(), SignatureV4.EMPTY_SHA256,
                HttpResponse.BodyHandlers.ofString());
        if (head.statusCode() == 404) {
            HttpResponse<String> created = send("PUT", "", HttpRequest.BodyPublishers.noBody(),
                    SignatureV4.EMPTY_SHA256, HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() / 100 != 2 && created.statusCode() != 409) {
                throw failure("cannot create bucket " + bucket, created.statusCode(), created.body());
            }
        } else if (head.statusCode() / 100 != 2) {
            throw failure("cannot reach bucket " + bucket, head.statusCode(), "");
        }
    }

    @Override
    public void put(String key, Path file) {
        try {
            HttpResponse<String> response = send("PUT", key, HttpRequest.BodyPublishers.ofFile(file), sha256Of(file),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw failure("cannot store " + key, response.statusCode(), response.body());
            }
        } catch (IOException e) {
            throw new BackupStoreFailed("cannot store " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key) {
        HttpResponse<InputStream> response = send("GET", key, HttpRequest.BodyPublishers.noBody(),
                SignatureV4.EMPTY_SHA256, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        String body = drain(response.body());
        if (response.statusCode() == 404) {
            throw new BackupMissing(key);
        }
        throw failure("cannot read " + key, response.statusCode(), body);
    }

    @Override
    public void delete(String key) {
        HttpResponse<String> response = send("DELETE", key, HttpRequest.BodyPublishers.noBody(),
                SignatureV4.EMPTY_SHA256, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2 && response.statusCode() != 404) {
            throw failure("cannot delete " + key, response.statusCode(), response.body());
        }
    }

    @Override
    public boolean exists(String key) {
        HttpResponse<Void> response = send("HEAD", key, HttpRequest.BodyPublishers.noBody(),
                SignatureV4.EMPTY_SHA256, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return false;
        }
        if (response.statusCode() / 100 != 2) {
            throw failure("cannot look up " + key, response.statusCode(), "");
        }
        return true;
    }

    private <T> HttpResponse<T> send(String method, String key, HttpRequest.BodyPublisher body, String payloadSha256,
            HttpResponse.BodyHandler<T> handler) {
        String encodedKey = Arrays.stream(key.split("/")).map(SignatureV4::encode).collect(Collectors.joining("/"));
        URI uri;
        String path;
        if (pathStyle) {
            path = endpoint.getRawPath() + "/" + SignatureV4.encode(bucket) + (key.isEmpty() ? "" : "/" + encodedKey);
            uri = endpoint.resolve(path);
        } else {
            path = endpoint.getRawPath() + "/" + encodedKey;
            uri = URI.create(endpoint.getScheme() + "://" + bucket + "." + endpoint.getRawAuthority() + path);
        }
        Instant now = clock.instant();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort());
        headers.put("x-amz-content-sha256", payloadSha256);
        headers.put("x-amz-date", SignatureV4.AMZ_DATE.format(now));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(30))
                .method(method, body)
                .header("x-amz-content-sha256", payloadSha256)
                .header("x-amz-date", headers.get("x-amz-date"))
                .header("Authorization", signature.authorization(method, path, Map.of(), headers, payloadSha256, now));
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new BackupStoreFailed(method + " " + key + " on the backup store failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupStoreFailed("interrupted during " + method + " " + key, e);
        }
    }

    private static String sha256Of(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return SignatureV4.hex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String drain(InputStream body) {
        try (body) {
            return new String(body.readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static BackupStoreFailed failure(String what, int status, String body) {
        String code = body == null ? "" : body.replaceAll("(?s).*<Code>([^<]*)</Code>.*", "$1");
        return new BackupStoreFailed(what + ": the backup store answered " + status
                + (code.isEmpty() || code.length() > 80 ? "" : " " + code));
    }
}
