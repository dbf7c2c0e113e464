package dev.paas.runtime.ingress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppUrlsTest {

    @Test
    void servesAppsUnderTheirSlugBelowTheBaseDomain() {
        assertThat(new AppUrls("paas.localhost", 8000).host("shop")).isEqualTo("shop.paas.localhost");
    }

    @Test
    void includesTheIngressPortWhenItIsNotHttpDefault() {
        assertThat(new AppUrls("paas.localhost", 8000).url("shop")).isEqualTo("http://shop.paas.localhost:8000");
    }

    @Test
    void leavesOutPort80() {
        assertThat(new AppUrls("apps.example.com", 80).url("shop")).isEqualTo("http://shop.apps.example.com");
    }
}
