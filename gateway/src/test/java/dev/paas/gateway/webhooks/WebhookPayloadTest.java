package dev.paas.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class WebhookPayloadTest {

    @Test
    void readsTheBranchHeadAndPusherOfAPush() {
        WebhookPayload push = parse("""
                {"ref":"refs/heads/feature/login","after":"abc123","repository":{"full_name":"Octo/Shop"},
                 "pusher":{"name":"octo"},"head_commit":{"message":"Add login\\n\\nWith tests."}}""");

        assertThat(push.repository()).isEqualTo("Octo/Shop");
        assertThat(push.branch()).isEqualTo("feature/login");
        assertThat(push.after()).isEqualTo("abc123");
        assertThat(push.headCommitFirstLine()).isEqualTo("Add login");
        assertThat(push.pusher()).isEqualTo("octo");
    }

    @Test
    void hasNoBranchForATagAndNoMessageWithoutHeadCommit() {
        WebhookPayload push = parse("""
                {"ref":"refs/tags/v1","after":"abc123","repository":{"full_name":"octo/shop"},"head_commit":null}""");

        assertThat(push.branch()).isNull();
        assertThat(push.headCommitFirstLine()).isNull();
        assertThat(push.pusher()).isNull();
    }

    @Test
    void rejectsBodiesThatAreNotDeliveriesAsMalformed() {
        for (String body : new String[] {"", "not json", "[1,2]", "\"text\"", "{}", "{\"repository\":{}}",
                "{\"repository\":{\"full_name\":42}}", "{\"repository\":{\"full_name\":\"no-slash\"}}"}) {
            assertThatThrownBy(() -> parse(body)).as(body)
                    .isInstanceOfSatisfying(WebhookRejected.class,
                            rejected -> assertThat(rejected.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        }
    }

    @Test
    void rejectsAPushWithoutRefOrHead() {
        WebhookPayload push = parse("{\"repository\":{\"full_name\":\"octo/shop\"}}");

        assertThatThrownBy(push::branch).isInstanceOf(WebhookRejected.class).hasMessageContaining("ref");
        assertThatThrownBy(push::after).isInstanceOf(WebhookRejected.class).hasMessageContaining("after");
    }

    private static WebhookPayload parse(String json) {
        return WebhookPayload.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
