package dev.paas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ClientAddressTest {

    @Test
    void takesTheLastForwardedHopWhenTheIngressOnLoopbackForwarded() {
        assertThat(addressOf("127.0.0.1", "10.0.0.1, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(addressOf("::1", "2001:DB8::5")).isEqualTo("2001:db8::5");
    }

    @Test
    void trustsNoForwardingHeaderFromOutside() {
        assertThat(addressOf("192.0.2.10", "198.51.100.7")).isEqualTo("192.0.2.10");
    }

    @Test
    void fallsBackToThePeerWhenTheForwardedHopIsNoAddress() {
        assertThat(addressOf("127.0.0.1", "198.51.100.7, paas:rl:*")).isEqualTo("127.0.0.1");
        assertThat(addressOf("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    private static String addressOf(String peer, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/projects")
                .remoteAddress(new InetSocketAddress(peer, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return ClientAddress.of(MockServerWebExchange.from(request));
    }
}
