package dev.paas.identity.web;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.audit.AuditEntry;
import dev.paas.identity.audit.AuditLog;
import dev.paas.identity.tokens.KeyRing;
import dev.paas.identity.tokens.KeyRing.RotatedKey;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What only admins may do: manage users, read the audit log, rotate the signing key. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminController {

    private final AccountService accounts;
    private final AuditLog audit;
    private final KeyRing keyRing;

    AdminController(AccountService accounts, AuditLog audit, KeyRing keyRing) {
        this.accounts = accounts;
        this.audit = audit;
        this.keyRing = keyRing;
    }

    record UserDetails(UUID id, String email, String role, boolean disabled, boolean hasPassword, Instant createdAt) {

        static UserDetails of(Account account) {
            return new UserDetails(account.id(), account.email(), account.role().value(), account.disabled(),
                    account.hasPassword(), account.createdAt());
        }
    }

    record RoleChange(String role) {
    }

    @GetMapping("/users")
    List<UserDetails> users() {
        return accounts.all().stream().map(UserDetails::of).toList();
    }

    @PostMapping("/users/{id}/role")
    UserDetails changeRole(@PathVariable UUID id, @RequestBody RoleChange body, @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest request) {
        return UserDetails.of(accounts.changeRole(id, body.role(), Callers.actor(jwt, request)));
    }

    @PostMapping("/users/{id}/disable")
    UserDetails disable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return UserDetails.of(accounts.disable(id, Callers.actor(jwt, request)));
    }

    @PostMapping("/users/{id}/enable")
    UserDetails enable(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return UserDetails.of(accounts.enable(id, Callers.actor(jwt, request)));
    }

    @GetMapping("/audit")
    List<AuditEntry> audit(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) UUID actorId,
            @RequestParam(required = false) Instant before) {
        return audit.find(limit, action, actorId, before);
    }

    @PostMapping("/signing-keys/rotate")
    RotatedKey rotate(@AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        return keyRing.rotate(Callers.actor(jwt, request));
    }
}
