package dev.paas.project.projects;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A git repository and branch the platform builds and serves at {@code <slug>.<base-domain>}. */
@Table("projects")
public class Project {

    @Id
    private final UUID id;
    private final String name;
    private final String slug;
    private String repoUrl;
    private String branch;
    private final Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    Project(UUID id, String name, String slug, String repoUrl, String branch, Instant createdAt, Integer version) {
        this.id = id;
        this.name = name;
        this.slug = slug;
        this.repoUrl = repoUrl;
        this.branch = branch;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Project register(UUID id, String name, String slug, String repoUrl, String branch, Instant now) {
        return new Project(id, name, slug, repoUrl, branch, now, null);
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String slug() {
        return slug;
    }

    public String repoUrl() {
        return repoUrl;
    }

    public String branch() {
        return branch;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
