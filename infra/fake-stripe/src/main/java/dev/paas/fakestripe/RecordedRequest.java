package dev.paas.fakestripe;

import java.util.Map;

/** A request the fake's API received: method, path, the {@code Idempotency-Key} header and the decoded form. */
public record RecordedRequest(String method, String path, String idempotencyKey, Map<String, String> form) {
}
