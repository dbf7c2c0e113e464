package dev.paas.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.paas.tokens.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** {@code @WebMvcTest} slices of a service are secured exactly as the running service. */
@WebMvcTest(SecuredTestApplication.EchoController.class)
class WebMvcSliceSecurityTest {

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        TestTokens.registerWith(registry);
    }

    @Test
    void securesTheSliceAndResolvesTheCaller() throws Exception {
        UUID user = UUID.randomUUID();

        mvc.perform(get("/api/v1/things/{id}", UUID.randomUUID()))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
        mvc.perform(get("/api/v1/things/{id}", UUID.randomUUID())
                        .header("Authorization", TestTokens.bearer(TestTokens.shared().user(user))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.userId").value(user.toString()));
        mvc.perform(get("/api/v1/admin/things")
                        .header("Authorization", TestTokens.bearer(TestTokens.shared().user(user))))
                .andExpect(status().isForbidden());
    }
}
