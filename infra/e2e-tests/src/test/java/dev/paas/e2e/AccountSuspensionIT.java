package dev.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paas.fakestripe.Delivery;
import dev.paas.fakestripe.FakeStripe;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Billing's whole path end to end, against the running platform: an unpaid balance, its grace period, the account's
 * suspension (the app's URL answers the 402 "paused" page, its database is stopped), a top-up through Stripe Checkout
 * (a fake Stripe on 127.0.0.1:8098, whose signed webhook reaches the gateway), and the same app serving again by
 * itself. {@code ./paas test} points billing-service at the fake and shortens the grace period to 10 s and the
 * account check to 2 s ({@code PAAS_BILLING_GRACE_PERIOD}, {@code PAAS_BILLING_ACCOUNT_CHECK_INTERVAL}).
 */
class AccountSuspensionIT {

    private static final Duration SOON = Duration.ofSeconds(90);
    private static FakeStripe stripe;

    @BeforeAll
    static void startFakeStripe() {
        stripe = Platform.fakeStripe();
    }

    @AfterAll
    static void stopFakeStripe() {
        stripe.close();
    }

    @Test
    void suspendsAnUnpaidAccountShowsThePausedPageAndServesAgainAfterATopUp() throws Exception {
        Platform user = Platform.signedUp("unpaid");
        Path repo = SampleRepositories.create("node-hello", "main");
        JsonNode project = user.createProject("Pays Later", SampleRepositories.url(repo), "main");
        String id = project.get("id").asString();
        String slug = project.get("slug").asString();
        String deployment = user.deploy(id).get("id").asString();
        user.awaitSettled(deployment);
        assertThat(user.deployment(deployment).get("status").asString()).isEqualTo("RUNNING");
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> user.app(slug, "/").statusCode() == 200);

        // the balance falls below zero: a grace period, then the suspension
        HttpResponse<String> debit = Platform.admin().post("/api/v1/admin/billing/wallets/" + user.userId()
                + "/adjustments", Platform.JSON.writeValueAsString(Map.of("amount", "-1.50", "currency", "USD",
                        "reason", "end-to-end test: an unpaid invoice")));
        assertThat(debit.statusCode()).as(debit.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> user.json(user.get("/api/v1/billing/account")).get("state").asString(), "GRACE"::equals);
        assertThat(user.app(slug, "/").statusCode()).as("served during the grace period").isEqualTo(200);

        await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                .until(() -> user.json(user.get("/api/v1/billing/account")).get("state").asString(),
                        "SUSPENDED"::equals);
        await().atMost(SOON).pollInterval(Duration.ofMillis(250))
                .until(() -> user.app(slug, "/").statusCode() == 402);
        HttpResponse<String> paused = user.app(slug, "/");
        assertThat(paused.body()).contains("This app is paused");
        assertThat(user.json(user.get("/api/v1/projects/" + id + "/runtime")).get("state").asString())
                .isEqualTo("SUSPENDED");
        HttpResponse<String> deployWhileSuspended = user.post("/api/v1/projects/" + id + "/deployments", "");
        assertThat(deployWhileSuspended.statusCode()).as(deployWhileSuspended.body()).isEqualTo(402);

        // a top-up through Stripe Checkout: the session, the payment, the signed webhook through the gateway
        HttpResponse<String> topUp = user.post("/api/v1/billing/topups",
                Platform.JSON.writeValueAsString(Map.of("amount", "5.00", "currency", "USD")));
        assertThat(topUp.statusCode()).as(topUp.body()).isEqualTo(201);
        String sessionId = user.json(topUp).get("sessionId").asString();
        assertThat(user.json(topUp).get("url").asString()).startsWith(stripe.apiUrl());
        Delivery delivery = stripe.pay(sessionId);
        assertThat(delivery.status()).as(delivery.response()).isEqualTo(200);
        stripe.redeliver(delivery);

        await().atMost(SOON).pollInterval(Duration.ofMillis(500))
                .until(() -> user.json(user.get("/api/v1/billing/account")).get("state").asString(),
                        state -> !state.equals("SUSPENDED") && !state.equals("GRACE"));
        assertThat(user.json(user.get("/api/v1/billing/wallet")).get("balance").asString())
                .as("credited once, though Stripe delivered twice").isEqualTo("3.5000");
        await().atMost(SOON).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> user.app(slug, "/").statusCode() == 200);
        assertThat(user.app(slug, "/").body()).contains("hello from node");
    }
}
