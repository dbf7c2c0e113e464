package dev.paas.database.web;

import dev.paas.database.databases.Databases;
import dev.paas.database.databases.LinkView;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Links between the caller's projects and databases: a linked project receives the database's variables
 * ({@code DATABASE_URL}, … with the link's prefix) from runtime-service.
 */
@RestController
@RequestMapping("/api/v1/projects/{projectId}/databases")
class DatabaseLinksController {

    private final Databases databases;

    DatabaseLinksController(Databases databases) {
        this.databases = databases;
    }

    @GetMapping
    List<LinkView> links(@PathVariable UUID projectId, CurrentUser user) {
        return databases.linksOfProject(projectId, user.id(), user.admin());
    }

    @PostMapping("/{databaseId}")
    @ResponseStatus(HttpStatus.CREATED)
    LinkView link(@PathVariable UUID projectId, @PathVariable UUID databaseId,
            @RequestBody(required = false) LinkRequest request, CurrentUser user) {
        return databases.link(projectId, databaseId, request == null ? null : request.prefix(), user.id());
    }

    @DeleteMapping("/{databaseId}")
    ResponseEntity<Void> unlink(@PathVariable UUID projectId, @PathVariable UUID databaseId, CurrentUser user) {
        databases.unlink(projectId, databaseId, user.id());
        return ResponseEntity.noContent().build();
    }

    /** @param prefix the variables' prefix, {@code DATABASE} when absent */
    record LinkRequest(String prefix) {
    }
}
