package dev.paas.build.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LimitedBuildsTest {

    private final Map<String, String> limits = new LinkedHashMap<>(Map.of("cgroupparent", "/paas-build/a b"));

    @Test
    void appendsTheLimitsToTheBuildEndpointOnly() {
        assertThat(LimitedBuilds.withParameters("/build?t=x&memory=1", limits))
                .isEqualTo("/build?t=x&memory=1&cgroupparent=%2Fpaas-build%2Fa+b");
        assertThat(LimitedBuilds.withParameters("/v1.41/build", limits))
                .isEqualTo("/v1.41/build?cgroupparent=%2Fpaas-build%2Fa+b");
        assertThat(LimitedBuilds.withParameters("/images/build-x/json", limits)).isEqualTo("/images/build-x/json");
        assertThat(LimitedBuilds.withParameters("/containers/create", limits)).isEqualTo("/containers/create");
    }
}
