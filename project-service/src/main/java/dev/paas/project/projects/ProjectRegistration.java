package dev.paas.project.projects;

import dev.paas.contracts.project.ProjectCreated;
import dev.paas.messaging.UuidV7;
import dev.paas.messaging.outbox.Outbox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers projects: validates the repository and branch, picks a unique slug, announces {@link ProjectCreated}. */
@Service
public class ProjectRegistration {

    private final Projects projects;
    private final Outbox outbox;
    private final PlatformProperties platform;
    private final Clock clock;

    ProjectRegistration(Projects projects, Outbox outbox, PlatformProperties platform) {
        this.projects = projects;
        this.outbox = outbox;
        this.platform = platform;
        this.clock = Clock.systemUTC();
    }

    @Transactional
    public Project register(String name, String repoUrl, String branch) {
        String trimmedName = name == null ? "" : name.strip();
        if (trimmedName.isEmpty() || trimmedName.length() > 100) {
            throw new InvalidInputException("name", "must be 1 to 100 characters");
        }
        RepositoryUrls.problemWith(repoUrl, platform.allowLocalRepositories())
                .ifPresent(problem -> {
                    throw new InvalidInputException("repoUrl", problem);
                });
        String effectiveBranch = branch == null || branch.isBlank() ? "main" : branch.strip();
        RepositoryUrls.problemWithBranch(effectiveBranch)
                .ifPresent(problem -> {
                    throw new InvalidInputException("branch", problem);
                });
        String slug = Slugs.unique(trimmedName, projects::existsBySlug);
        Project project = projects.save(Project.register(UuidV7.next(), trimmedName, slug, repoUrl.strip(),
                effectiveBranch, clock.instant()));
        outbox.append(new ProjectCreated(project.id(), project.slug()));
        return project;
    }

    public Project get(UUID id) {
        return projects.findById(id).orElseThrow(() -> new ProjectNotFoundException(id));
    }

    public List<Project> all() {
        return projects.findAllByOrderByCreatedAtDesc();
    }

    public String urlOf(Project project) {
        return platform.urlOf(project.slug());
    }
}
