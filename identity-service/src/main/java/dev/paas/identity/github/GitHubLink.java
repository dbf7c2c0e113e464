package dev.paas.identity.github;

import java.util.UUID;

/** An account's link to a GitHub user, with that user's token as stored: sealed. */
record GitHubLink(UUID accountId, long githubUserId, String githubLogin, String sealedToken, String scopes) {
}
