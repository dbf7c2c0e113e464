package dev.paas.identity.github;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where GitHub is and how the platform is registered there ({@code paas.github.*}). The defaults are github.com; a
 * GitHub Enterprise server or the tests' fake GitHub only changes the URLs.
 *
 * @param clientId the OAuth app's client id ({@code PAAS_GITHUB_CLIENT_ID}); empty = GitHub sign-in is off
 * @param clientSecret the OAuth app's client secret ({@code PAAS_GITHUB_CLIENT_SECRET})
 * @param oauthUrl base of {@code /login/oauth/...} ({@code PAAS_GITHUB_OAUTH_URL})
 * @param apiUrl base of the REST API ({@code PAAS_GITHUB_API_URL})
 * @param redirectUrl the callback URL registered with the OAuth app ({@code PAAS_GITHUB_REDIRECT_URL})
 * @param dashboardUrl where the callback sends the browser back to ({@code PAAS_DASHBOARD_URL})
 * @param scopes what the platform asks for: profile, emails, repositories and their webhooks
 * @param timeout limit of every call to GitHub
 * @param stateLifetime how long an authorization may take from our redirect to GitHub's callback
 * @param loginCodeLifetime how long the dashboard has to trade the one-time login code for a session
 * @param maxRepositories most repositories listed for a user
 */
@ConfigurationProperties("paas.github")
record GitHubProperties(
        @DefaultValue("") String clientId,
        @DefaultValue("") String clientSecret,
        @DefaultValue("https://github.com") String oauthUrl,
        @DefaultValue("https://api.github.com") String apiUrl,
        @DefaultValue("http://paas.localhost:8000/api/v1/auth/github/callback") String redirectUrl,
        @DefaultValue("http://paas.localhost:8000") String dashboardUrl,
        @DefaultValue("read:user user:email repo admin:repo_hook") String scopes,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("10m") Duration stateLifetime,
        @DefaultValue("60s") Duration loginCodeLifetime,
        @DefaultValue("1000") int maxRepositories) {

    GitHubProperties {
        oauthUrl = withoutTrailingSlash(oauthUrl);
        apiUrl = withoutTrailingSlash(apiUrl);
        dashboardUrl = withoutTrailingSlash(dashboardUrl);
    }

    boolean signInConfigured() {
        return clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank();
    }

    private static String withoutTrailingSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
