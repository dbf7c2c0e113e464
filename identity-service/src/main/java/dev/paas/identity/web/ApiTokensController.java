package dev.paas.identity.web;

import dev.paas.identity.apitokens.ApiToken;
import dev.paas.identity.apitokens.ApiTokenService;
import dev.paas.identity.apitokens.CreatedApiToken;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's personal API tokens: the secret is in the creation answer and nowhere else. */
@RestController
@RequestMapping("/api/v1/auth/tokens")
class ApiTokensController {

    private final ApiTokenService tokens;

    ApiTokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    record CreateRequest(String name, Integer expiresInDays, Instant expiresAt) {
    }

    record CreatedView(UUID id, String name, String prefix, String token, Instant createdAt, Instant expiresAt) {
    }

    record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
            boolean expired) {

        static TokenView of(ApiToken token, Instant now) {
            return new TokenView(token.id(), token.name(), token.prefix(), token.createdAt(), token.expiresAt(),
                    token.lastUsedAt(), !now.isBefore(token.expiresAt()));
        }
    }

    @PostMapping
    ResponseEntity<CreatedView> create(@RequestBody CreateRequest body, @AuthenticationPrincipal Jwt jwt,
            HttpServletRequest request) {
        CreatedApiToken created = tokens.create(Callers.actor(jwt, request), body.name(), body.expiresInDays(),
                body.expiresAt());
        ApiToken token = created.token();
        return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + token.id()))
                .body(new CreatedView(token.id(), token.name(), token.prefix(), created.secret(), token.createdAt(),
                        token.expiresAt()));
    }

    @GetMapping
    List<TokenView> list(@AuthenticationPrincipal Jwt jwt) {
        Instant now = Instant.now();
        return tokens.listOf(Callers.idOf(jwt)).stream().map(token -> TokenView.of(token, now)).toList();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt, HttpServletRequest request) {
        tokens.revoke(Callers.actor(jwt, request), id);
        return ResponseEntity.noContent().build();
    }
}
