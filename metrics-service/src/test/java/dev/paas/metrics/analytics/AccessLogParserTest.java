package dev.paas.metrics.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessLogParserTest {

    /** A line as Caddy 2.6 writes it (taken from a real access log). */
    private static final String CADDY_LINE = """
            {"level":"info","ts":1796156002.57183,"logger":"http.log.access.paas","msg":"handled request",\
            "request":{"remote_ip":"127.0.0.1","remote_port":"35232","proto":"HTTP/1.1","method":"GET",\
            "host":"foo.paas.localhost","uri":"/x/y?q=1","headers":{"User-Agent":["TestUA/1.0"],"Accept":["*/*"]}},\
            "user_id":"","duration":0.000094699,"size":2,"status":200,\
            "resp_headers":{"Server":["Caddy"],"Content-Type":["text/plain; charset=utf-8"]}}""";

    private final AccessLogParser parser = new AccessLogParser();

    @Test
    void readsTheFieldsAnalyticsNeedsFromACaddyLine() {
        AccessLogLine line = parse(CADDY_LINE).orElseThrow();

        assertThat(line.at()).isEqualTo(Instant.parse("2026-12-01T20:13:22.571830Z"));
        assertThat(line.host()).isEqualTo("foo.paas.localhost");
        assertThat(line.path()).isEqualTo("/x/y");
        assertThat(line.clientAddress()).isEqualTo("127.0.0.1");
        assertThat(line.userAgent()).isEqualTo("TestUA/1.0");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.bytesSent()).isEqualTo(2);
        assertThat(line.durationSeconds()).isEqualTo(0.000094699);
    }

    @Test
    void prefersTheClientAddressCaddyDerivedFromTrustedProxies() {
        String line = CADDY_LINE.replace("\"remote_ip\":\"127.0.0.1\"",
                "\"remote_ip\":\"127.0.0.1\",\"client_ip\":\"203.0.113.9\"");

        assertThat(parse(line).orElseThrow().clientAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void toleratesMissingHeadersAndFieldsInAnyOrder() {
        String line = """
                {"status":404,"request":{"uri":"/","host":"a.example"},"ts":1.5,"size":0}""";

        AccessLogLine parsed = parse(line).orElseThrow();
        assertThat(parsed.userAgent()).isEmpty();
        assertThat(parsed.clientAddress()).isEmpty();
        assertThat(parsed.status()).isEqualTo(404);
        assertThat(parsed.at()).isEqualTo(Instant.ofEpochMilli(1500));
    }

    @Test
    void rejectsLinesThatAreNotRequests() {
        assertThat(parse("not json at all")).isEmpty();
        assertThat(parse("{\"level\":\"info\",\"msg\":\"server running\"}")).isEmpty();
        assertThat(parse(CADDY_LINE.substring(0, 80))).isEmpty();
        assertThat(parse("[1,2]")).isEmpty();
    }

    @Test
    void parsesALineInsideABiggerBuffer() {
        byte[] bytes = ("garbage\n" + CADDY_LINE + "\nmore").getBytes(StandardCharsets.UTF_8);
        int start = 8;
        int length = CADDY_LINE.getBytes(StandardCharsets.UTF_8).length;

        assertThat(parser.parse(bytes, start, length)).map(AccessLogLine::host).hasValue("foo.paas.localhost");
    }

    @Test
    void pathDropsQueryAndFragmentAndStaysBounded() {
        assertThat(AccessLogParser.path("/a/b?c=d#e")).isEqualTo("/a/b");
        assertThat(AccessLogParser.path("/a#x?y")).isEqualTo("/a");
        assertThat(AccessLogParser.path("?only=query")).isEqualTo("/");
        assertThat(AccessLogParser.path(null)).isEqualTo("/");
        assertThat(AccessLogParser.path("/" + "x".repeat(500))).hasSize(200);
    }

    private Optional<AccessLogLine> parse(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(bytes, 0, bytes.length);
    }
}
