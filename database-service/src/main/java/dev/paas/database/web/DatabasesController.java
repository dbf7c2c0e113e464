package dev.paas.database.web;

import dev.paas.database.databases.DatabaseView;
import dev.paas.database.databases.Databases;
import dev.paas.database.databases.NewDatabase;
import dev.paas.database.engine.EngineUnavailable;
import dev.paas.problems.NotFound;
import dev.paas.problems.Problems;
import dev.paas.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Managed databases of the caller: create (202, provisioned in the background), list, view, stop, start and delete
 * (with {@code ?confirm=<name>}). Another user's database is answered like an unknown one.
 */
@RestController
@RequestMapping("/api/v1/databases")
class DatabasesController {

    private final Databases databases;

    DatabasesController(Databases databases) {
        this.databases = databases;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    DatabaseView create(@RequestBody(required = false) NewDatabase request, CurrentUser user) {
        return databases.create(request, user.id());
    }

    @GetMapping
    List<DatabaseView> list(CurrentUser user) {
        return databases.list(user.id());
    }

    @GetMapping("/{id}")
    DatabaseView view(@PathVariable UUID id, CurrentUser user) {
        return databases.view(id, user.id(), user.admin()).orElseThrow(() -> new NotFound("database", id));
    }

    @PostMapping("/{id}/stop")
    DatabaseView stop(@PathVariable UUID id, CurrentUser user) {
        return databases.stop(id, user.id(), user.admin());
    }

    @PostMapping("/{id}/start")
    DatabaseView start(@PathVariable UUID id, CurrentUser user) {
        return databases.start(id, user.id(), user.admin());
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @RequestParam(required = false) String confirm,
            CurrentUser user) {
        databases.delete(id, confirm, user.id(), user.admin());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(EngineUnavailable.class)
    ResponseEntity<ProblemDetail> engineUnavailable(EngineUnavailable exception) {
        ProblemDetail problem = Problems.problem(HttpStatus.UNPROCESSABLE_CONTENT, exception.getMessage());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
