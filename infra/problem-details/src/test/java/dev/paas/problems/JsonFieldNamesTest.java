package dev.paas.problems;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFieldNamesTest {

    record Limits(@JsonProperty("max-memory") String maxMemory, String cpus) {
    }

    record Request(@JsonProperty("private") boolean isPrivate, Limits limits, List<Limits> steps) {
    }

    @Test
    void usesTheNamesARequestTypeGivesItsPropertiesInJson() {
        assertThat(JsonFieldNames.of(Request.class, "isPrivate")).isEqualTo("private");
        assertThat(JsonFieldNames.of(Request.class, "limits.maxMemory")).isEqualTo("limits.max-memory");
        assertThat(JsonFieldNames.of(Request.class, "limits.cpus")).isEqualTo("limits.cpus");
    }

    @Test
    void keepsWhatItCannotResolveAsItIs() {
        assertThat(JsonFieldNames.of(Request.class, "steps[0].maxMemory")).isEqualTo("steps[0].maxMemory");
        assertThat(JsonFieldNames.of(Request.class, "unknown.deeper")).isEqualTo("unknown.deeper");
    }
}
