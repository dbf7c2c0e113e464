package dev.paas.billing.web;

import dev.paas.billing.wallets.Adjustments;
import dev.paas.billing.wallets.LedgerEntry;
import dev.paas.security.CurrentUser;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' adjustments of a wallet (service-security admits only the admin role under
 * {@code /api/v1/admin/**}); each is audited with the administrator and the reason.
 */
@RestController
@RequestMapping("/api/v1/admin/billing/wallets")
class AdminWalletsController {

    private final Adjustments adjustments;

    AdminWalletsController(Adjustments adjustments) {
        this.adjustments = adjustments;
    }

    @PostMapping("/{userId}/adjustments")
    ResponseEntity<WalletController.EntryView> adjust(@PathVariable UUID userId, @RequestBody AdjustmentRequest body,
            @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, CurrentUser admin) {
        LedgerEntry entry = adjustments.adjust(userId, body.amount(), body.currency(), body.reason(), admin.id(),
                idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/billing/wallet")).body(WalletController.EntryView.of(entry));
    }

    /** {@code {"amount": "-5.00", "currency": "USD", "reason": "..."}}: the amount as a decimal string. */
    record AdjustmentRequest(String amount, String currency, String reason) {
    }
}
