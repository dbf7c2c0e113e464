package dev.paas.build.suggestions;

import dev.paas.build.stack.SourceTree;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Environment variables suggested by each project's latest checkout. The build runner records them right after
 * the clone; they belong to the owner that build named, and an admin may read them too. A project build-service
 * has not checked out yet has none to show.
 */
public class EnvSuggestions {

    private static final Logger log = LoggerFactory.getLogger(EnvSuggestions.class);

    private final EnvScanner scanner;
    private final ProjectSuggestions projects;
    private final TransactionTemplate transactions;
    private final Clock clock;

    EnvSuggestions(EnvScanner scanner, ProjectSuggestions projects, TransactionTemplate transactions, Clock clock) {
        this.scanner = scanner;
        this.projects = projects;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Scans the checkout under {@code root} and keeps the result as the project's latest. Only reads files; a
     * failure is logged and never fails the build.
     */
    public void record(UUID projectId, UUID ownerId, Path root) {
        try {
            List<EnvSuggestion> suggestions = scanner.scan(new SourceTree(root));
            transactions.executeWithoutResult(status -> projects.replace(projectId, ownerId, suggestions,
                    clock.instant()));
        } catch (RuntimeException e) {
            log.warn("could not record the environment suggestions of project {}: {}", projectId, e.toString());
        }
    }

    /**
     * The latest suggestions for {@code caller}: empty when the project was never checked out, or when it is
     * someone else's and the caller is no admin (answered alike).
     */
    public Optional<List<EnvSuggestion>> latest(UUID projectId, UUID caller, boolean admin) {
        return projects.scan(projectId)
                .filter(scan -> admin || caller.equals(scan.ownerId()))
                .map(scan -> projects.suggestions(projectId));
    }
}
