package dev.paas.gateway.webhooks;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts of a GitHub delivery's JSON body the receiver reads: the repository it is about and, for pushes, the
 * ref, the new head and who pushed.
 */
final class WebhookPayload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_REPOSITORY_LENGTH = 200;
    private static final String BRANCH_PREFIX = "refs/heads/";

    private final JsonNode root;
    private final String repository;

    private WebhookPayload(JsonNode root, String repository) {
        this.root = root;
        this.repository = repository;
    }

    /** Reads a delivery body; a body that is not a JSON object naming {@code repository.full_name} is malformed. */
    static WebhookPayload parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw WebhookRejected.malformed("the body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw WebhookRejected.malformed("the body is not a JSON object");
        }
        String repository = text(root.path("repository").path("full_name"));
        if (repository == null || repository.isBlank() || repository.length() > MAX_REPOSITORY_LENGTH
                || !repository.contains("/")) {
            throw WebhookRejected.malformed("the body names no repository (repository.full_name)");
        }
        return new WebhookPayload(root, repository);
    }

    /** {@code owner/name} as GitHub spells it. */
    String repository() {
        return repository;
    }

    /** The pushed ref; a push without one is malformed. */
    String ref() {
        return required("ref");
    }

    /** The pushed branch without {@code refs/heads/}; {@code null} for tags and other refs. */
    String branch() {
        String ref = ref();
        return ref.startsWith(BRANCH_PREFIX) ? ref.substring(BRANCH_PREFIX.length()) : null;
    }

    /** The new head commit ({@code after}): all zeros when the branch was deleted. */
    String after() {
        return required("after");
    }

    /** The head commit message's first line, or {@code null} when there is no head commit (a deleted branch). */
    String headCommitFirstLine() {
        String message = text(root.path("head_commit").path("message"));
        return message == null ? null : message.lines().findFirst().orElse("");
    }

    String pusher() {
        return text(root.path("pusher").path("name"));
    }

    private String required(String field) {
        String value = text(root.path(field));
        if (value == null || value.isBlank()) {
            throw WebhookRejected.malformed("the push names no " + field);
        }
        return value;
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }
}
