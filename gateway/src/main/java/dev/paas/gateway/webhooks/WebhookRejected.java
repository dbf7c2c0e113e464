package dev.paas.gateway.webhooks;

import org.springframework.http.HttpStatus;

/** A delivery refused with a 4xx or 503 problem; nothing was stored or published for it. */
public final class WebhookRejected extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    WebhookRejected(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    /** A delivery that is not what GitHub sends: a 400. */
    public static WebhookRejected malformed(String detail) {
        return new WebhookRejected(HttpStatus.BAD_REQUEST, "Malformed webhook delivery", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
