package dev.paas.identity.github;

import dev.paas.identity.accounts.Account;
import dev.paas.identity.accounts.AccountService;
import dev.paas.identity.secrets.OpaqueTokens;
import dev.paas.identity.secrets.SecretBox;
import dev.paas.identity.sessions.SessionService;
import dev.paas.identity.sessions.SignedIn;
import dev.paas.identity.tokens.AccessTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in with GitHub: the OAuth authorization-code flow with a single-use {@code state} and PKCE (S256). The
 * callback cannot hand tokens to the dashboard (it only redirects), so it ends with a redirect carrying a one-time
 * login code in the URL fragment, which the dashboard trades for a session within a minute. When a signed-in
 * account starts the flow, GitHub is linked to that account instead.
 */
@Service
public class GitHubSignIn {

    private static final Log log = LogFactory.getLog(GitHubSignIn.class);
    static final String VERIFIER_PURPOSE = "github-pkce";

    private final GitHubProperties properties;
    private final GitHubApi github;
    private final OAuthStates states;
    private final LoginCodes loginCodes;
    private final GitHubAccountLinker linker;
    private final AccountService accounts;
    private final SessionService sessions;
    private final SecretBox box;
    private final Clock clock = Clock.systemUTC();

    GitHubSignIn(GitHubProperties properties, GitHubApi github, OAuthStates states, LoginCodes loginCodes,
            GitHubAccountLinker linker, AccountService accounts, SessionService sessions, SecretBox box) {
        this.properties = properties;
        this.github = github;
        this.states = states;
        this.loginCodes = loginCodes;
        this.linker = linker;
        this.accounts = accounts;
        this.sessions = sessions;
        this.box = box;
    }

    /**
     * The GitHub authorize URL to send the browser to; {@code linkAccountId} is the signed-in account that wants
     * GitHub linked, or {@code null} to sign in.
     */
    @Transactional
    public String authorizeUrl(UUID linkAccountId) {
        if (!properties.signInConfigured()) {
            throw new GitHubNotConfiguredException();
        }
        String state = OpaqueTokens.generate("");
        String verifier = OpaqueTokens.generate("");
        Instant now = clock.instant();
        states.add(state, new PendingAuthorization(box.seal(verifier, VERIFIER_PURPOSE), linkAccountId), now,
                now.plus(properties.stateLifetime()));
        return properties.oauthUrl() + "/login/oauth/authorize"
                + "?client_id=" + encode(properties.clientId())
                + "&redirect_uri=" + encode(properties.redirectUrl())
                + "&scope=" + encode(properties.scopes())
                + "&state=" + encode(state)
                + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256";
    }

    /**
     * Finishes the trip to GitHub; answers where to send the browser: the dashboard with
     * {@code #github-login=<code>}, or with {@code #github-error=<message>} when anything is wrong.
     */
    public String callback(String code, String state, String error, String clientIp) {
        try {
            return properties.dashboardUrl() + "/#github-login=" + encode(complete(code, state, error, clientIp));
        } catch (GitHubSignInException e) {
            log.info("GitHub sign-in refused: " + e.getMessage());
            return properties.dashboardUrl() + "/#github-error=" + encode(e.getMessage());
        } catch (GitHubException e) {
            log.warn("GitHub sign-in failed: " + e.getMessage());
            return properties.dashboardUrl() + "/#github-error="
                    + encode("GitHub sign-in failed: " + e.getMessage());
        } catch (RuntimeException e) {
            // The browser is mid-redirect: a JSON 500 would strand the user on a blank page.
            log.error("GitHub sign-in failed unexpectedly", e);
            return properties.dashboardUrl() + "/#github-error="
                    + encode("GitHub sign-in failed unexpectedly; try again");
        }
    }

    /** Trades a one-time login code for a session. */
    public SignedIn exchange(String loginCode, String clientIp) {
        Account account = loginCodes.redeem(loginCode, clock.instant())
                .flatMap(accounts::findById)
                .orElseThrow(InvalidLoginCodeException::new);
        return new SignedIn(account, sessions.signIn(account, AccessTokens.GITHUB, clientIp));
    }

    private String complete(String code, String state, String error, String clientIp) {
        if (state == null || state.isBlank()) {
            throw new GitHubSignInException("GitHub sign-in failed: the callback carries no state; start again");
        }
        Instant now = clock.instant();
        PendingAuthorization pending = states.take(state, now).orElseThrow(() -> new GitHubSignInException(
                "this GitHub sign-in is unknown, expired or was already used; start again"));
        if (error != null && !error.isBlank()) {
            throw new GitHubSignInException("access_denied".equals(error)
                    ? "GitHub sign-in was cancelled" : "GitHub refused the sign-in (" + error + ")");
        }
        if (code == null || code.isBlank()) {
            throw new GitHubSignInException("GitHub sign-in failed: the callback carries no code; start again");
        }
        GitHubApi.AccessGrant grant = github.exchangeCode(code, box.open(pending.sealedVerifier(), VERIFIER_PURPOSE));
        GitHubApi.GitHubUser user = github.user(grant.token());
        List<GitHubApi.GitHubEmail> emails = github.emails(grant.token());
        Account account = Optional.ofNullable(pending.linkAccountId())
                .map(accountId -> linker.link(accountId, user, grant, clientIp, now))
                .orElseGet(() -> linker.signIn(user, emails, grant, clientIp, now));
        if (account.disabled()) {
            throw new GitHubSignInException("the account " + account.email() + " is disabled; ask an admin to "
                    + "enable it");
        }
        return loginCodes.issue(account.id(), now, now.plus(properties.loginCodeLifetime()));
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
