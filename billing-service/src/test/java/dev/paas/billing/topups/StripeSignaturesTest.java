package dev.paas.billing.topups;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paas.fakestripe.FakeStripe;
import dev.paas.problems.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StripeSignaturesTest {

    private static final String SECRET = "whsec_test_secret";
    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final StripeSignatures signatures = new StripeSignatures(SECRET, Duration.ofMinutes(5));

    @Test
    void acceptsTheSignatureStripeWouldSend() {
        String header = FakeStripe.signature(SECRET, NOW.getEpochSecond(), BODY);

        assertThatCode(() -> signatures.verify(bytes(BODY), header, NOW)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyMatchingV1WhileASecretIsRolledAndIgnoresOtherSchemes() {
        long t = NOW.getEpochSecond();
        String good = FakeStripe.signature(SECRET, t, BODY).substring(("t=" + t + ",").length());
        String old = FakeStripe.signature("whsec_old", t, BODY).substring(("t=" + t + ",").length());
        String header = "t=" + t + "," + old + "," + good + ",v0=deadbeef";

        assertThatCode(() -> signatures.verify(bytes(BODY), header, NOW)).doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        String header = FakeStripe.signature(SECRET, NOW.getEpochSecond(), BODY);

        assertRefused(BODY.replace("evt_1", "evt_2"), header, "does not sign this body");
    }

    @Test
    void refusesAnotherSecret() {
        assertRefused(BODY, FakeStripe.signature("whsec_other", NOW.getEpochSecond(), BODY), "does not sign");
    }

    @Test
    void refusesATimestampOutsideTheToleranceEitherWay() {
        long old = NOW.minus(Duration.ofMinutes(5)).minusSeconds(1).getEpochSecond();
        long ahead = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();
        long edge = NOW.minus(Duration.ofMinutes(5)).getEpochSecond();

        assertRefused(BODY, FakeStripe.signature(SECRET, old, BODY), "more than 5 minutes from now");
        assertRefused(BODY, FakeStripe.signature(SECRET, ahead, BODY), "more than 5 minutes from now");
        assertThatCode(() -> signatures.verify(bytes(BODY), FakeStripe.signature(SECRET, edge, BODY), NOW))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesTheTimestampOfOneSignatureMovedToAnother() {
        long t = NOW.minusSeconds(60).getEpochSecond();
        String v1 = FakeStripe.signature(SECRET, t, BODY).substring(("t=" + t + ",").length());

        assertRefused(BODY, "t=" + NOW.getEpochSecond() + "," + v1, "does not sign");
    }

    @Test
    void refusesMissingAndMalformedHeaders() {
        assertRefused(BODY, null, "is missing");
        assertRefused(BODY, " ", "is missing");
        assertRefused(BODY, "v1=abc", "no timestamp");
        assertRefused(BODY, "t=now,v1=abc", "not a number");
        assertRefused(BODY, "t=" + NOW.getEpochSecond(), "no v1 signature");
        assertRefused(BODY, "t=" + NOW.getEpochSecond() + ",v1=not-hex", "no v1 signature");
    }

    private void assertRefused(String body, String header, String reason) {
        assertThatThrownBy(() -> signatures.verify(bytes(body), header, NOW))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("Stripe-Signature");
                    org.assertj.core.api.Assertions.assertThat(e.problem()).contains(reason);
                });
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
