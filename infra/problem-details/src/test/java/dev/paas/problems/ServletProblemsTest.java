package dev.paas.problems;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServletProblemsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void writesAProblemWithJacksonAndTheRequestPathAsInstance() throws Exception {
        MockHttpServletResponse response = write("/api/v1/projects", Problems.tokenRejected("a \"quoted\"\nreason"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isEqualTo("Unauthorized");
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("detail").asString())
                .isEqualTo("the access token was rejected: a \"quoted\"\nreason; sign in again or refresh it");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/projects");
    }

    @Test
    void writesExtraMembersAtTheTopLevel() throws Exception {
        MockHttpServletResponse response = write("/x", Problems.of(new TooManyRequests("slow down", 3)));

        JsonNode problem = JSON.readTree(response.getContentAsByteArray());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("retryAfterSeconds").asLong()).isEqualTo(3);
    }

    @Test
    void namesTheLimitAndThePlanOfAQuotaAndAnswers402ForASuspendedAccount() throws Exception {
        JsonNode quota = JSON.readTree(write("/x", Problems.of(new QuotaExceeded("maxApps", "free", 3,
                "the free plan allows 3 apps; you have 3"))).getContentAsByteArray());
        assertThat(quota.get("status").asInt()).isEqualTo(403);
        assertThat(quota.get("title").asString()).isEqualTo("Quota exceeded");
        assertThat(quota.get("limit").asString()).isEqualTo("maxApps");
        assertThat(quota.get("plan").asString()).isEqualTo("free");
        assertThat(quota.get("allowed").asLong()).isEqualTo(3);

        MockHttpServletResponse suspended = write("/x", Problems.of(new PaymentRequired("the account is suspended")));
        assertThat(suspended.getStatus()).isEqualTo(402);
        assertThat(JSON.readTree(suspended.getContentAsByteArray()).get("title").asString())
                .isEqualTo("Payment Required");
    }

    @Test
    void givesTheSecurityFiltersOneTextPerStatus() throws Exception {
        assertThat(JSON.readTree(write("/x", Problems.forbidden()).getContentAsByteArray()).get("detail").asString())
                .isEqualTo(Problems.FORBIDDEN);
        assertThat(JSON.readTree(write("/x", Problems.tokenMissing()).getContentAsByteArray()).get("detail")
                .asString()).isEqualTo(Problems.TOKEN_MISSING);
        MockHttpServletResponse keys = write("/x", Problems.signingKeysUnavailable());
        assertThat(keys.getStatus()).isEqualTo(503);
        assertThat(JSON.readTree(keys.getContentAsByteArray()).get("detail").asString())
                .isEqualTo(Problems.SIGNING_KEYS_UNAVAILABLE);
    }

    private static MockHttpServletResponse write(String path, ProblemDetail problem)
            throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletProblems.write(new MockHttpServletRequest("GET", path), response, problem);
        return response;
    }
}
