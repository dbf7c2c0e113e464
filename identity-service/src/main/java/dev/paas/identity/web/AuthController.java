package dev.paas.identity.web;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.login.PasswordLogin;
import dev.paas.identity.sessions.SessionService;
import dev.paas.identity.sessions.SignedIn;
import dev.paas.identity.tokens.AccessTokens;
import dev.paas.identity.tokens.KeyRing;
import dev.paas.problems.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Registration, password sign-in, refresh, sign-out, the caller's own account and the public signing keys. */
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final AccountService accounts;
    private final PasswordLogin login;
    private final SessionService sessions;
    private final KeyRing keyRing;

    AuthController(AccountService accounts, PasswordLogin login, SessionService sessions, KeyRing keyRing) {
        this.accounts = accounts;
        this.login = login;
        this.sessions = sessions;
        this.keyRing = keyRing;
    }

    record Credentials(String email, String password) {
    }

    record RefreshRequest(String refreshToken) {
    }

    /** The signed-in account as it is now, and how this session began. */
    record Me(UUID id, String email, String role, boolean disabled, Instant createdAt, String auth) {
    }

    @PostMapping("/register")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView register(@RequestBody Credentials credentials, HttpServletRequest request) {
        String clientIp = ClientAddress.of(request);
        Account account = accounts.register(credentials.email(), credentials.password(), clientIp);
        return SessionView.of(account, sessions.signIn(account, AccessTokens.PASSWORD, clientIp));
    }

    @PostMapping("/login")
    SessionView login(@RequestBody Credentials credentials, HttpServletRequest request) {
        SignedIn signedIn = login.login(credentials.email(), credentials.password(), ClientAddress.of(request));
        return SessionView.of(signedIn.account(), signedIn.tokens());
    }

    @PostMapping("/refresh")
    SessionView refresh(@RequestBody RefreshRequest body, HttpServletRequest request) {
        SignedIn signedIn = sessions.refresh(body.refreshToken(), ClientAddress.of(request));
        return SessionView.of(signedIn.account(), signedIn.tokens());
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@RequestBody RefreshRequest body, HttpServletRequest request) {
        sessions.signOut(body.refreshToken(), ClientAddress.of(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal Jwt jwt) {
        UUID id = Callers.idOf(jwt);
        Account account = accounts.findById(id).orElseThrow(() -> new NotFound("user", id));
        return new Me(account.id(), account.email(), account.role().value(), account.disabled(), account.createdAt(),
                jwt.getClaimAsString("auth"));
    }

    @GetMapping(value = "/jwks", produces = {MediaType.APPLICATION_JSON_VALUE, "application/jwk-set+json"})
    Map<String, Object> jwks() {
        return keyRing.publicKeys().toJSONObject(true);
    }
}
