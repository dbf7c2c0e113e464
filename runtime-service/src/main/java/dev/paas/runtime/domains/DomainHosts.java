package dev.paas.runtime.domains;

import dev.paas.runtime.ingress.AppUrls;
import dev.paas.runtime.ingress.ProjectHosts;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A project is served under {@code <slug>.<base-domain>} and, after it, its custom domains, oldest first. */
@Component
@Primary
@Transactional(readOnly = true)
class DomainHosts implements ProjectHosts {

    private final AppUrls urls;
    private final Domains domains;

    DomainHosts(AppUrls urls, Domains domains) {
        this.urls = urls;
        this.domains = domains;
    }

    @Override
    public List<String> hostsOf(UUID projectId, String slug) {
        List<String> hosts = new ArrayList<>();
        hosts.add(urls.host(slug));
        domains.findByProjectIdOrderByCreatedAtAscDomainAsc(projectId).forEach(domain -> hosts.add(domain.domain()));
        return List.copyOf(hosts);
    }
}
