package dev.paas.identity.github;

import dev.paas.problems.Unavailable;

/** GitHub sign-in was asked for but no OAuth app is configured. */
public class GitHubNotConfiguredException extends Unavailable {

    GitHubNotConfiguredException() {
        super("sign-in with GitHub is not configured on this platform: set PAAS_GITHUB_CLIENT_ID and "
                + "PAAS_GITHUB_CLIENT_SECRET on identity-service");
    }
}
