package dev.paas.identity.audit;

/** The names of audited actions, so that producers and readers of the log agree on them. */
public final class AuditActions {

    public static final String SIGNED_IN = "auth.signed-in";
    public static final String SIGN_IN_FAILED = "auth.sign-in-failed";
    public static final String LOCKED_OUT = "auth.locked-out";
    public static final String REFRESH_TOKEN_REUSED = "auth.refresh-token-reused";
    public static final String SIGNED_OUT = "auth.signed-out";
    public static final String ACCOUNT_REGISTERED = "account.registered";
    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_REVOKED = "token.revoked";
    public static final String ROLE_CHANGED = "user.role-changed";
    public static final String USER_DISABLED = "user.disabled";
    public static final String USER_ENABLED = "user.enabled";
    public static final String SIGNING_KEY_ROTATED = "signing-key.rotated";
    public static final String GITHUB_LINKED = "github.linked";

    private AuditActions() {
    }
}
