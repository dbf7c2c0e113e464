package dev.paas.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void rendersAProblemWithJacksonEscapingWhatTheCallerSent() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.options("/api/v1/projects"));

        Problems.write(exchange, HttpStatus.FORBIDDEN, "cross-origin requests from \"evil\"\n\\ are not allowed")
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
        assertThat(problem.get("status").asInt()).isEqualTo(403);
        assertThat(problem.get("detail").asString()).isEqualTo("cross-origin requests from \"evil\"\n\\ are not allowed");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/projects");
    }

    @Test
    void speaksWithTheServicesVoiceAndKeepsTheHeadersItIsGiven() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/admin/users"));

        Problems.write(exchange, dev.paas.problems.Problems.forbidden(),
                headers -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"")).block();

        assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .isEqualTo("Bearer error=\"insufficient_scope\"");
        JsonNode problem = JSON.readTree(exchange.getResponse().getBodyAsString().block());
        assertThat(problem.get("detail").asString())
                .isEqualTo("you may not call this endpoint: it needs the admin role or is internal");
    }
}
