package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AppRouteTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void buildsAHostMatchedReverseProxyRouteWhoseUpstreamsAreLookedUpByName() {
        Upstreams upstreams = new Upstreams("127.0.0.1:5354", 10080, Duration.ofMillis(250), Duration.ofSeconds(5),
                Duration.ofSeconds(2));
        String route = json.writeValueAsString(AppRoute.of("shop", List.of("shop.paas.localhost", "shop.example.com"),
                "shop.apps.paas.internal", upstreams));

        JsonNode expected = json.readTree("""
                {"@id": "app-shop",
                 "match": [{"host": ["shop.paas.localhost", "shop.example.com"]}],
                 "handle": [{"handler": "reverse_proxy",
                             "dynamic_upstreams": {"source": "a", "name": "shop.apps.paas.internal", "port": "10080",
                                                   "refresh": "250ms",
                                                   "resolver": {"addresses": ["udp/127.0.0.1:5354"]},
                                                   "dial_timeout": "1s"},
                             "load_balancing": {"selection_policy": {"policy": "round_robin"},
                                                "try_duration": "5000ms", "try_interval": "100ms"},
                             "transport": {"protocol": "http", "keep_alive": {"idle_timeout": "2000ms"}}}],
                 "terminal": true}""");
        assertThat(json.readTree(route)).isEqualTo(expected);
    }

    @Test
    void pausesASuspendedAppWithA402PageUnderTheSameIdAndHosts() {
        JsonNode route = json.valueToTree(AppRoute.paused("shop", List.of("shop.paas.localhost")));

        assertThat(route.get("@id").asString()).isEqualTo("app-shop");
        assertThat(route.get("match")).isEqualTo(json.readTree("[{\"host\": [\"shop.paas.localhost\"]}]"));
        JsonNode page = route.get("handle").get(0);
        assertThat(page.get("handler").asString()).isEqualTo("static_response");
        assertThat(page.get("status_code").asString()).isEqualTo("402");
        assertThat(page.get("headers").get("Content-Type").get(0).asString()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.get("body").asString()).contains("This app is paused: its account's balance is due");
        assertThat(route.get("terminal").asBoolean()).isTrue();
    }

    @Test
    void namesRoutesAfterTheSlug() {
        assertThat(AppRoute.id("my-shop")).isEqualTo("app-my-shop");
    }
}
