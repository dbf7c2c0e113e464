package dev.paas.runtime.ingress;

import java.util.List;
import java.util.UUID;

/** Only the platform's own address of a project; the domains feature replaces it with one that adds custom ones. */
class SlugHosts implements ProjectHosts {

    private final AppUrls urls;

    SlugHosts(AppUrls urls) {
        this.urls = urls;
    }

    @Override
    public List<String> hostsOf(UUID projectId, String slug) {
        return List.of(urls.host(slug));
    }
}
