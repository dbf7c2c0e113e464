package dev.paas.identity.github;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Turns on the GitHub settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GitHubProperties.class, WebhookProperties.class})
class GitHubConfiguration {
}
