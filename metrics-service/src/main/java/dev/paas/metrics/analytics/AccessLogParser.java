package dev.paas.metrics.analytics;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads Caddy's JSON access log lines with Jackson's streaming parser: no tree, no data binding, only the fields
 * analytics needs, so the tail keeps up with the ingress by a wide margin.
 */
final class AccessLogParser {

    private static final int MAX_PATH = 200;

    private final JsonFactory json = new JsonFactory();

    /** The request of a line; empty when the line is not a request Caddy logged (or not JSON at all). */
    Optional<AccessLogLine> parse(byte[] bytes, int offset, int length) {
        try (JsonParser parser = json.createParser(ObjectReadContext.empty(), bytes, offset, length)) {
            return Optional.ofNullable(read(parser));
        } catch (JacksonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static AccessLogLine read(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Fields fields = new Fields();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "ts" -> fields.ts = value.isNumeric() ? parser.getDoubleValue() : Double.NaN;
                case "status" -> fields.status = value.isNumeric() ? parser.getIntValue() : 0;
                case "size" -> fields.size = value.isNumeric() ? parser.getLongValue() : 0;
                case "duration" -> fields.duration = value.isNumeric() ? parser.getDoubleValue() : 0;
                case "request" -> readRequest(parser, value, fields);
                default -> parser.skipChildren();
            }
        }
        if (fields.host == null || fields.status == 0 || Double.isNaN(fields.ts)) {
            return null;
        }
        long micros = Math.round(fields.ts * 1_000_000d);
        return new AccessLogLine(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000L), fields.host, path(fields.uri), fields.address(),
                fields.userAgent == null ? "" : fields.userAgent, fields.status, fields.size, fields.duration);
    }

    private static void readRequest(JsonParser parser, JsonToken value, Fields fields) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            switch (name) {
                case "host" -> fields.host = text(parser, token);
                case "uri" -> fields.uri = text(parser, token);
                case "remote_ip" -> fields.remoteIp = text(parser, token);
                case "client_ip" -> fields.clientIp = text(parser, token);
                case "headers" -> readHeaders(parser, token, fields);
                default -> parser.skipChildren();
            }
        }
    }

    private static void readHeaders(JsonParser parser, JsonToken value, Fields fields) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if ("User-Agent".equalsIgnoreCase(name) && token == JsonToken.START_ARRAY) {
                if (parser.nextToken() == JsonToken.VALUE_STRING) {
                    fields.userAgent = parser.getString();
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY && t != null; t = parser.nextToken()) {
                        parser.skipChildren();
                    }
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static String text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    /** The path of a request URI: no query string, no fragment, bounded in length. */
    static String path(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "/";
        }
        int end = uri.length();
        int query = uri.indexOf('?');
        if (query >= 0) {
            end = query;
        }
        int fragment = uri.indexOf('#');
        if (fragment >= 0 && fragment < end) {
            end = fragment;
        }
        String path = uri.substring(0, Math.min(end, MAX_PATH));
        return path.isEmpty() ? "/" : path;
    }

    /** The fields of one line while it is read. */
    private static final class Fields {
        double ts = Double.NaN;
        int status;
        long size;
        double duration;
        String host;
        String uri;
        String remoteIp;
        String clientIp;
        String userAgent;

        String address() {
            return clientIp != null && !clientIp.isEmpty() ? clientIp : remoteIp == null ? "" : remoteIp;
        }
    }
}
