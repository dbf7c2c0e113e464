package dev.paas.runtime.web;

import dev.paas.runtime.domains.ProjectDomains;
import dev.paas.runtime.domains.ProjectDomains.Domain;
import dev.paas.security.CurrentUser;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The custom domains of a user's project: the project is also served under each of them, with a certificate issued
 * when the first HTTPS request arrives (production TLS mode). Someone else's project is answered like an unknown one.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/domains")
class DomainsController {

    private final ProjectDomains domains;

    DomainsController(ProjectDomains domains) {
        this.domains = domains;
    }

    @GetMapping
    List<Domain> list(@PathVariable UUID projectId, CurrentUser user) {
        return domains.list(projectId, user.id());
    }

    @PostMapping
    ResponseEntity<Domain> add(@PathVariable UUID projectId, @RequestBody(required = false) AddDomain request,
            CurrentUser user) {
        Domain added = domains.add(projectId, user.id(), request == null ? null : request.domain());
        URI location = UriComponentsBuilder.fromPath("/api/v1/projects/{projectId}/domains/{domain}")
                .buildAndExpand(projectId, added.domain()).toUri();
        return ResponseEntity.created(location).body(added);
    }

    @DeleteMapping("/{domain}")
    ResponseEntity<Void> remove(@PathVariable UUID projectId, @PathVariable String domain, CurrentUser user) {
        domains.remove(projectId, user.id(), domain);
        return ResponseEntity.noContent().build();
    }

    /** @param domain the host name, for example {@code shop.example.com} */
    record AddDomain(String domain) {
    }
}
