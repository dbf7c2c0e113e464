package dev.paas.runtime.domains;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which host names Caddy may get a certificate for when a TLS handshake asks for one (on-demand TLS): the platform's
 * own base domain, {@code <slug>.<base-domain>} of a project runtime-service knows, and every registered custom
 * domain. Anything else is refused, so nobody can make the platform request certificates for names it does not
 * serve.
 */
@Service
@Transactional(readOnly = true)
public class CertificatePermissions {

    private final Domains domains;
    private final JdbcTemplate jdbc;
    private final String baseDomain;

    CertificatePermissions(Domains domains, JdbcTemplate jdbc,
            @Value("${paas.base-domain:paas.localhost}") String baseDomain) {
        this.domains = domains;
        this.jdbc = jdbc;
        this.baseDomain = DomainName.normalize(baseDomain);
    }

    /** Whether a certificate for {@code input} may be issued. */
    public boolean allows(String input) {
        String host = DomainName.normalize(input);
        if (host.isEmpty() || host.length() > DomainName.MAX_LENGTH) {
            return false;
        }
        if (host.equals(baseDomain)) {
            return true;
        }
        if (host.endsWith("." + baseDomain)) {
            String slug = host.substring(0, host.length() - baseDomain.length() - 1);
            return !slug.contains(".") && isProjectSlug(slug);
        }
        return domains.existsById(host);
    }

    /** Whether a project with this slug is known: created (known_projects), or deployed before that copy existed. */
    private boolean isProjectSlug(String slug) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists(select 1 from known_projects where slug = ?)
                    or exists(select 1 from releases r where slug = ?
                              and not exists (select 1 from removed_projects d where d.project_id = r.project_id))""",
                Boolean.class, slug, slug));
    }
}
