package dev.paas.build.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code paas.build.clone-tokens}.
 *
 * @param key the base64 256-bit key ({@code PAAS_CLONE_TOKEN_KEY}, shared with identity-service only) that GitHub
 *        tokens arrive sealed under; empty: private repositories are cloned without a token (and fail)
 */
@ConfigurationProperties("paas.build.clone-tokens")
public record CloneTokenProperties(@DefaultValue("") String key) {
}
