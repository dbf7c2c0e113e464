package dev.paas.runtime.web;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paas.docker.DockerUnavailable;
import dev.paas.runtime.rollout.ReleaseQueries;
import dev.paas.tokens.testing.TestTokens;
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

/** The runtime endpoints' answers when the release queries have none, or Docker cannot be asked. */
@WebMvcTest(RuntimeController.class)
class RuntimeControllerTest {

    private static final UUID PROJECT = UUID.fromString("0192f0a1-0000-7000-8000-000000000002");
    private static final UUID USER = UUID.fromString("0192f0a1-0000-7000-8000-0000000000aa");
    private static TestTokens tokens;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ReleaseQueries releases;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        tokens = TestTokens.registerWith(registry);
    }

    @Test
    void answersTheContainersWith503WhenDockerCannotBeReached() throws Exception {
        given(releases.containers(PROJECT, USER)).willThrow(DockerUnavailable.class);

        mvc.perform(get("/api/v1/projects/{id}/containers", PROJECT).header("Authorization", bearer()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("state is unknown")));
    }

    @Test
    void answersAProjectWithoutReleasesWithNotFound() throws Exception {
        given(releases.containers(PROJECT, USER)).willReturn(Optional.empty());

        mvc.perform(get("/api/v1/projects/{id}/containers", PROJECT).header("Authorization", bearer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("project " + PROJECT
                        + " not found: no release is known; none of its images may be built yet"));
    }

    private static String bearer() {
        return TestTokens.bearer(tokens.user(USER));
    }
}
