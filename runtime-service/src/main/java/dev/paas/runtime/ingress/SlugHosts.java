package dev.paas.runtime.ingress;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A project is served under {@code <slug>.<base-domain>} only, unless a richer {@link ProjectHosts} is primary. */
@Component
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
