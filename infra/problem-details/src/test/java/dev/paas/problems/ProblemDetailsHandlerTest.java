package dev.paas.problems;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

class ProblemDetailsHandlerTest {

    private static final UUID ID = UUID.fromString("0192f0a1-0000-7000-8000-000000000001");

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Things())
            .setControllerAdvice(new ProblemDetailsHandler())
            .build();

    @Test
    void namesEveryInvalidFieldWithTheJsonNameTheClientSent() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\" \",\"private\":\"" + "x".repeat(11) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.detail").value("name must not be blank; private size must be between 0 and 10"))
                .andExpect(jsonPath("$.instance").value("/things"))
                .andExpect(jsonPath("$.errors", hasSize(2)))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("must not be blank"))
                .andExpect(jsonPath("$.errors[1].field").value("private"))
                .andExpect(jsonPath("$.errors[1].message").value("size must be between 0 and 10"));
    }

    @Test
    void namesAnInvalidRequestParameter() throws Exception {
        mvc.perform(get("/things").param("limit", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be less than or equal to 500"))
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void answersAPathParameterOfTheWrongTypeWithOneRule() throws Exception {
        mvc.perform(get("/things/{id}", "not-a-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("id must be a UUID, got 'not-a-uuid'"))
                .andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/things").param("limit", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("limit must be a number, got 'many'"));
    }

    @Test
    void answersABodyThatIsNotJson() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{name:"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("the request body is not valid JSON for this endpoint"));
    }

    @Test
    void namesAJsonFieldWithAValueOfTheWrongType() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":{\"a\":1}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("name has a value of the wrong type"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("has a value of the wrong type"));
    }

    @Test
    void answersInvalidInputOfFeatureCodeLikeAValidationError() throws Exception {
        mvc.perform(get("/things/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.detail").value("branch must not contain '..'"))
                .andExpect(jsonPath("$.errors[0].field").value("branch"))
                .andExpect(jsonPath("$.errors[0].message").value("must not contain '..'"));
    }

    @Test
    void answersNotFoundWithTheKindAndTheIdOnly() throws Exception {
        problem("/things/" + ID, 404, "Not Found", "thing " + ID + " not found");
    }

    @Test
    void answersEachKindOfProblemWithItsStatus() throws Exception {
        problem("/things/unauthorized", 401, "Unauthorized", "invalid email or password");
        problem("/things/forbidden", 403, "Forbidden", "this account is disabled");
        problem("/things/conflict", 409, "Conflict", "an account with this email already exists")
                .andExpect(jsonPath("$.linkUrl").value("/somewhere"));
        problem("/things/throttled", 429, "Too Many Requests", "slow down")
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(7));
        problem("/things/unavailable", 503, "Service Unavailable", "not configured");
        problem("/things/upstream", 502, "Bad Gateway", "GitHub failed");
    }

    @Test
    void answersATooLargeUploadWith413() throws Exception {
        mvc.perform(get("/things/large"))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Content Too Large"))
                .andExpect(jsonPath("$.detail")
                        .value("the request body is larger than 1024 bytes, the most this endpoint accepts"));
    }

    private ResultActions problem(String path, int status, String title, String detail) throws Exception {
        return mvc.perform(get(path))
                .andExpect(status().is(status))
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("about:blank"))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.detail").value(detail))
                .andExpect(jsonPath("$.instance").value(path));
    }

    record NewThing(@NotBlank String name, @JsonProperty("private") @Size(max = 10) String secret) {
    }

    @RestController
    static class Things {

        @PostMapping("/things")
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @GetMapping("/things")
        String list(@RequestParam(defaultValue = "10") @Max(500) int limit) {
            return "[]";
        }

        @GetMapping("/things/{id}")
        String find(@PathVariable UUID id) {
            throw new NotFound("thing", id);
        }

        @GetMapping("/things/invalid")
        String invalid() {
            throw new InvalidInput("branch", "must not contain '..'");
        }

        @GetMapping("/things/unauthorized")
        String unauthorized() {
            throw new Unauthorized("invalid email or password");
        }

        @GetMapping("/things/forbidden")
        String forbidden() {
            throw new Forbidden("this account is disabled");
        }

        @GetMapping("/things/conflict")
        String conflict() {
            throw new Conflict("an account with this email already exists").with("linkUrl", "/somewhere");
        }

        @GetMapping("/things/throttled")
        String throttled() {
            throw new TooManyRequests("slow down", 7);
        }

        @GetMapping("/things/unavailable")
        String unavailable() {
            throw new Unavailable("not configured");
        }

        @GetMapping("/things/upstream")
        String upstream() {
            throw new BadGateway("GitHub failed", new IllegalStateException("connection reset"));
        }

        @GetMapping("/things/large")
        String large() {
            throw new MaxUploadSizeExceededException(1024);
        }
    }
}
