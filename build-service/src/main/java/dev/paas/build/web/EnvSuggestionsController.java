package dev.paas.build.web;

import dev.paas.build.suggestions.EnvSuggestion;
import dev.paas.build.suggestions.EnvSuggestions;
import dev.paas.problems.NotFound;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The environment variables a project's latest checkout suggests, for its owner or an admin. Before its first
 * build build-service knows neither the checkout nor the owner: that project, like someone else's, is a 404.
 */
@RestController
class EnvSuggestionsController {

    private final EnvSuggestions suggestions;

    EnvSuggestionsController(EnvSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    /** [{name, reason, example?, required?}], in the order the scan found them. */
    @GetMapping(path = "/api/v1/projects/{id}/env/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    List<EnvSuggestion> suggestions(@PathVariable UUID id, CurrentUser user) {
        return suggestions.latest(id, user.id(), user.admin()).orElseThrow(() -> new NotFound("project", id,
                "no build of it has checked out its repository yet"));
    }
}
