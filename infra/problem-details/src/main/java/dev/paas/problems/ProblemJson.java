package dev.paas.problems;

import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a problem as {@code application/problem+json} with Jackson, extra members at the top level, for code that
 * answers outside Spring's message converters: servlet filters and the gateway's web filters.
 */
public final class ProblemJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();

    private ProblemJson() {
    }

    /** The problem's JSON body in UTF-8. */
    public static byte[] bytes(ProblemDetail problem) {
        return JSON.writeValueAsBytes(problem);
    }
}
