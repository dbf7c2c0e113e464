package dev.paas.billing.web;

import dev.paas.billing.topups.TopUpView;
import dev.paas.billing.topups.TopUps;
import dev.paas.problems.InvalidInput;
import dev.paas.security.CurrentUser;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's top-ups by card: {@code POST} opens a Stripe Checkout Session and answers its payment page
 * ({@code url}); the wallet is credited when Stripe confirms the payment. Another user's top-up answers 404.
 */
@RestController
@RequestMapping("/api/v1/billing/topups")
class TopUpsController {

    private final TopUps topUps;

    TopUpsController(TopUps topUps) {
        this.topUps = topUps;
    }

    /** {@code {"amount": "10.00", "currency": "USD"}}: amounts travel as decimal strings. */
    record NewTopUp(String amount, String currency) {
    }

    @PostMapping
    ResponseEntity<TopUpView> start(@RequestBody(required = false) NewTopUp request, CurrentUser user) {
        if (request == null) {
            throw new InvalidInput("amount", "is required: send {\"amount\": \"10.00\", \"currency\": \"USD\"}");
        }
        TopUpView topUp = topUps.start(user.id(), request.amount(), request.currency());
        return ResponseEntity.created(URI.create("/api/v1/billing/topups/" + topUp.id())).body(topUp);
    }

    @GetMapping
    List<TopUpView> list(CurrentUser user) {
        return topUps.list(user.id());
    }

    @GetMapping("/{id}")
    TopUpView view(@PathVariable UUID id, CurrentUser user) {
        return topUps.view(id, user.id());
    }
}
