package dev.paas.build.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paas.testing.SecuredComponentTest;
import dev.paas.testing.ServiceComponentTest;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The suggestions of a project's latest checkout, as the build runner records them after a clone: for the owner
 * its build named and for admins; for anybody else, and before the first checkout, a 404. API only.
 */
@ServiceComponentTest(database = "paas_build_test_suggestions", properties = "paas.build.worker.enabled=false")
class EnvSuggestionsApiIT extends SecuredComponentTest {

    private final UUID project = UUID.randomUUID();
    private final UUID owner = UUID.randomUUID();

    @Autowired
    EnvSuggestions suggestions;

    @TempDir
    Path checkout;

    @Test
    void showsTheLatestCheckoutsSuggestionsToTheOwnerAndAdmins() throws IOException {
        Files.writeString(checkout.resolve(".env.example"), "# Mail relay\nSMTP_URL=smtp://mail:25\n");
        suggestions.record(project, owner, checkout);
        Files.delete(checkout.resolve(".env.example"));
        Files.writeString(checkout.resolve("package.json"), "{\"dependencies\": {\"mongoose\": \"^8\"}}");
        suggestions.record(project, owner, checkout);

        HttpResponse<String> latest = get(path(project), owner);
        assertThat(latest.statusCode()).isEqualTo(200);
        assertThat(latest.body()).startsWith("[{\"name\":\"PORT\",\"reason\":")
                .contains("{\"name\":\"NODE_ENV\",", "\"example\":\"production\",\"required\":false}",
                        "\"name\":\"DATABASE_URL\",\"reason\":\"mongoose in package.json is a MongoDB driver")
                .doesNotContain("SMTP_URL", "\"example\":null");
        assertThat(get(path(project), tokens.admin(UUID.randomUUID())).body()).isEqualTo(latest.body());
    }

    @Test
    void answersSomeoneElsesProjectLikeOneNeverBuilt() {
        suggestions.record(project, owner, checkout);
        UUID unbuilt = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();

        HttpResponse<String> foreign = get(path(project), stranger);
        HttpResponse<String> unknown = get(path(unbuilt), stranger);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(foreign.body().replace(project.toString(), "ID")).isEqualTo(unknown.body().replace(
                unbuilt.toString(), "ID"));
        assertThat(unknown.body()).contains("not found: no build of it has checked out its repository yet");
        assertThat(get(path(unbuilt), tokens.admin(UUID.randomUUID())).statusCode()).isEqualTo(404);
    }

    @Test
    void asksForAToken() {
        suggestions.record(project, owner, checkout);

        assertThat(get(path(project), (String) null).statusCode()).isEqualTo(401);
        assertThat(get(path(project), tokens.expired(owner)).statusCode()).isEqualTo(401);
    }

    @Test
    void aCheckoutItCannotScanFailsNothing() {
        suggestions.record(project, owner, checkout.resolve("missing"));

        assertThat(get(path(project), owner).body()).startsWith("[{\"name\":\"PORT\"");
    }

    private static String path(UUID projectId) {
        return "/api/v1/projects/" + projectId + "/env/suggestions";
    }
}
