package dev.paas.fakestripe;

import java.util.Map;

/**
 * One webhook delivery the fake made: the event's id and type, what it sent (the exact body and headers, so a test
 * can replay or tamper with it) and what the receiver answered. {@code status} is 0 when the receiver could not be
 * reached; {@code response} then holds the error.
 */
public record Delivery(String eventId, String type, String url, String body, Map<String, String> headers,
        int status, String response) {

    /** The value of a sent header, matched case-insensitively. */
    public String header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
