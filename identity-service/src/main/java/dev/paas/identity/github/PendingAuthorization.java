package dev.paas.identity.github;

import java.util.UUID;

/**
 * A trip to GitHub's authorize page that has not come back yet: the PKCE verifier (sealed) and, when a signed-in
 * account asked to link GitHub, that account.
 */
record PendingAuthorization(String sealedVerifier, UUID linkAccountId) {
}
