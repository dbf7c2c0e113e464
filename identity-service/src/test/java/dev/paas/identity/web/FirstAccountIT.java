package dev.paas.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.identity.Api.Response;
import dev.paas.identity.IdentityIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Registration over HTTP on an empty platform: the first account becomes admin, later ones users. */
// "First" needs an empty platform of its own: no configured admins, a database of the context's own, which this
// class's registrations fill, so no other class can use the context after it.
@DirtiesContext
@TestPropertySource(properties = "paas.identity.admin-emails=")
class FirstAccountIT extends IdentityIntegrationTest {

    @Test
    void makesTheFirstAccountAdminAndLaterOnesUsers() {
        Response first = api().register("  First@Example.COM ");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode body = first.json();
        assertThat(body.get("user").get("email").asString()).isEqualTo("first@example.com");
        assertThat(body.get("user").get("role").asString()).isEqualTo("admin");
        assertThat(body.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.get("accessToken").asString()).startsWith("eyJ");
        assertThat(body.get("refreshToken").asString()).startsWith("paas_rt_").hasSize(8 + 43);

        Response second = api().register("second@example.com");
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("user").get("role").asString()).isEqualTo("user");

        Response me = api().as(second.text("accessToken")).get("/api/v1/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("email")).isEqualTo("second@example.com");
        assertThat(me.text("role")).isEqualTo("user");
        assertThat(me.text("auth")).isEqualTo("password");
        assertThat(me.text("id")).isEqualTo(second.json().get("user").get("id").asString());
    }
}
