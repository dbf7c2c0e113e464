package dev.paas.build.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paas.build.builds.BuildLogStreams;
import dev.paas.build.builds.BuildPhase;
import dev.paas.build.builds.BuildQueries;
import dev.paas.build.builds.BuildQueue;
import dev.paas.build.builds.BuildStatus;
import dev.paas.build.builds.BuildView;
import dev.paas.build.builds.LogLine;
import dev.paas.tokens.testing.TestTokens;
import java.time.Instant;
import java.util.List;
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
    private static final List<LogLine> LINES = List.of(
            new LogLine(7, Instant.parse("2026-12-01T10:00:00.123Z"), BuildPhase.CLONE, true, "==> Build of shop"),
            new LogLine(8, Instant.parse("2026-12-01T10:00:00.200Z"), BuildPhase.CLONE, false,
                    "Cloning file:///repo (branch main, depth 1)"),
            new LogLine(9, Instant.parse("2026-12-01T10:00:01Z"), null, false, "Step 1/3 : FROM x"));
    private static TestTokens tokens;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    BuildQueries queries;

    @MockitoBean
    BuildLogStreams streams;

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
                Instant.parse("2026-05-01T10:00:40Z"), null)));

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
    void servesTheBuildLogAsPlainTextWithTimesAndPhases() throws Exception {
        given(queries.log(ID, USER)).willReturn(Optional.of(LINES));

        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
                .andExpect(content().string("""
                        2026-12-01T10:00:00.123Z [clone] ==> Build of shop
                        2026-12-01T10:00:00.200Z [clone] Cloning file:///repo (branch main, depth 1)
                        2026-12-01T10:00:01Z Step 1/3 : FROM x
                        """.replace("01Z Step", "01.000Z Step")));
    }

    @Test
    void servesTheStructuredLinesForJsonClients() throws Exception {
        given(queries.log(ID, USER)).willReturn(Optional.of(LINES));

        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).header("Authorization", bearer())
                        .accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.lines[0].id").value(7))
                .andExpect(jsonPath("$.lines[0].phase").value("clone"))
                .andExpect(jsonPath("$.lines[0].event").value("phase"))
                .andExpect(jsonPath("$.lines[1].event").value("line"))
                .andExpect(jsonPath("$.lines[1].text").value("Cloning file:///repo (branch main, depth 1)"))
                .andExpect(jsonPath("$.lines[1].at").value("2026-12-01T10:00:00.200Z"));
    }

    @Test
    void refusesToFollowAnUnknownDeploymentBeforeStreaming() throws Exception {
        given(streams.open(ID, USER)).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).param("follow", "true")
                        .header("Authorization", bearer()).accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("build " + ID
                        + " not found: it was never requested or has not reached build-service yet"));
    }

    @Test
    void namesAMalformedLastEventId() throws Exception {
        mvc.perform(get("/api/v1/deployments/{id}/build-log", ID).param("follow", "true")
                        .header("Authorization", bearer()).header("Last-Event-ID", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(
                        "Last-Event-ID must be the id of a log line (a whole number of at least 0), was 'abc'"));
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
