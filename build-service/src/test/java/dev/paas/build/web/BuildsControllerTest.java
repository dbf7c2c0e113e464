package dev.paas.build.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paas.build.builds.BuildQueries;
import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.BuildStatus;
import dev.paas.build.builds.BuildView;
import dev.paas.tokens.testing.TestTokens;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(BuildsController.class)
class BuildsControllerTest {

    private static final UUID ID = UUID.fromString("0192f0a1-0000-7000-8000-000000000001");
    private static final UUID USER = UUID.fromString("0192f0a1-0000-7000-8000-0000000000aa");
    private static TestTokens tokens;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BuildQueries queries;

    @MockitoBean
    BuildQueue queue;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
    }

    @Test
    void showsABuild() throws Exception {
        given(queries.find(ID, USER)).willReturn(Optional.of(new BuildView(ID, BuildStatus.SUCCEEDED, "node", "abc123",
                "Add the shop", "paas-app/shop:" + ID, null, false, Instant.parse("2026-05-01T10:00:00Z"),
                Instant.parse("2026-05-01T10:00:40Z"))));

        mvc.perform(get("/api/v1/builds/{id}", ID).header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.id").value(ID.toString()))
                .andExpect(jsonPath("$.status").value("SUCCEEDED"))
                .andExpect(jsonPath("$.stack").value("node"))
                .andExpect(jsonPath("$.commitSha").value("abc123"))
                .andExpect(jsonPath("$.commitMessage").value("Add the shop"))
                .andExpect(jsonPath("$.imageTag").value("paas-app/shop:" + ID))
                .andExpect(jsonPath("$.startedAt").value("2026-05-01T10:00:00Z"))
                .andExpect(jsonPath("$.finishedAt").value("2026-05-01T10:00:40Z"));
    }

    @Test
    void answersAnUnknownBuildWithProblemDetails() throws Exception {
        given(queries.find(ID, USER)).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/builds/{id}", ID).header("Authorization", bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.detail").value("build " + ID
                        + " not found: it was never requested or has not reached build-service yet"));
    }

    @Test
    void servesTheBuildLogAsPlainText() throws Exception {
        given(queries.log(ID, USER)).willReturn(Optional.of("Cloning file:///repo (branch main, depth 1)\nStep 1/3 : FROM x\n"));

        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("Cloning file:///repo (branch main, depth 1)\nStep 1/3 : FROM x\n"));
    }

    @Test
    void answersTheLogOfAnUnknownDeploymentWithProblemDetails() throws Exception {
        given(queries.log(ID, USER)).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).header("Authorization", bearer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not Found"));
    }

    @Test
    void namesAMalformedId() throws Exception {
        mvc.perform(get("/api/v1/builds/{id}", "not-a-uuid").header("Authorization", bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("id must be a UUID, got 'not-a-uuid'"));
    }

    @Test
    void asksForATokenBeforeAnythingElse() throws Exception {
        mvc.perform(get("/api/v1/builds/{id}", ID))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID)
                        .header("Authorization", TestTokens.bearer(tokens.algNone(USER))))
                .andExpect(status().isUnauthorized());
    }

    private static String bearer() {
        return TestTokens.bearer(tokens.user(USER));
    }
}
