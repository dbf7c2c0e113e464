package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AppRouteTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void buildsAHostMatchedReverseProxyRouteWithTheAppsId() {
        String route = json.writeValueAsString(AppRoute.of("shop", "shop.paas.localhost", "127.0.0.1:49153"));

        JsonNode expected = json.readTree("""
                {"@id": "app-shop",
                 "match": [{"host": ["shop.paas.localhost"]}],
                 "handle": [{"handler": "reverse_proxy", "upstreams": [{"dial": "127.0.0.1:49153"}]}],
                 "terminal": true}""");
        assertThat(json.readTree(route)).isEqualTo(expected);
    }

    @Test
    void buildsTheUpstreamListThatAPatchSwapsIn() {
        String upstreams = json.writeValueAsString(AppRoute.upstreams("127.0.0.1:49154"));

        assertThat(json.readTree(upstreams)).isEqualTo(json.readTree("[{\"dial\": \"127.0.0.1:49154\"}]"));
    }

    @Test
    void namesRoutesAfterTheSlug() {
        assertThat(AppRoute.id("my-shop")).isEqualTo("app-my-shop");
    }
}
