package dev.paas.runtime.web;

import dev.paas.runtime.databases.LinkedVariable;
import dev.paas.runtime.databases.LinkedVariables;
import dev.paas.runtime.environment.ProjectEnvironment.Variable;
import dev.paas.runtime.environment.ProjectEnvironment;
import dev.paas.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A project's environment variables, for its owner. Values are masked unless the caller asks to see them
 * ({@code ?reveal=true}); the whole set is replaced from JSON or from a {@code .env} text. The list also names the
 * variables linked databases give ({@code "source":"database:<id>"}), read-only and always masked; where the owner
 * set the same name, the owner's value is the one containers get ({@code "overridden":true} on the linked one).
 */
@RestController
@RequestMapping("/api/v1/projects/{id}/env")
class EnvironmentController {

    /** The same for every value, so the mask says nothing about a value's length. */
    static final String MASK = "••••••";

    /** Where an owner's variable comes from. */
    static final String OWNER = "owner";

    private final ProjectEnvironment environment;
    private final LinkedVariables linked;

    EnvironmentController(ProjectEnvironment environment, LinkedVariables linked) {
        this.environment = environment;
        this.linked = linked;
    }

    @GetMapping
    VariablesView list(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean reveal, CurrentUser user) {
        return VariablesView.of(environment.list(id, user.id()), linked.of(id), reveal);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    VariablesView replace(@PathVariable UUID id, @RequestBody ReplaceRequest request, CurrentUser user) {
        return VariablesView.of(environment.replace(id, user.id(), request.variables()), linked.of(id), false);
    }

    @PutMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
    VariablesView replaceFromDotEnv(@PathVariable UUID id, @RequestBody(required = false) String dotEnv,
            CurrentUser user) {
        return VariablesView.of(environment.replaceFromDotEnv(id, user.id(), dotEnv == null ? "" : dotEnv),
                linked.of(id), false);
    }

    @PutMapping(path = "/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    VariableView set(@PathVariable UUID id, @PathVariable String key, @RequestBody SetRequest request,
            CurrentUser user) {
        return VariableView.of(environment.set(id, user.id(), key, request.value()), false);
    }

    @DeleteMapping("/{key}")
    ResponseEntity<Void> delete(@PathVariable UUID id, @PathVariable String key, CurrentUser user) {
        environment.delete(id, user.id(), key);
        return ResponseEntity.noContent().build();
    }

    /** {@code {"variables": {"KEY": "value", ...}}}: the whole new set. */
    record ReplaceRequest(Map<String, String> variables) {
    }

    /** {@code {"value": "..."}}: one variable's new value. */
    record SetRequest(String value) {
    }

    /** A project's variables, ordered by key, then those of its linked databases, ordered by key. */
    record VariablesView(List<VariableView> variables) {

        static VariablesView of(List<Variable> variables, List<LinkedVariable> linked, boolean reveal) {
            Set<String> owners = variables.stream().map(Variable::key).collect(Collectors.toSet());
            return new VariablesView(Stream.concat(
                    variables.stream().map(variable -> VariableView.of(variable, reveal)),
                    linked.stream().map(variable -> VariableView.of(variable, owners.contains(variable.name()))))
                    .toList());
        }
    }

    /**
     * One variable; its value masked unless revealed (a linked database's always).
     *
     * @param source {@code owner}, or {@code database:<id>} for a linked database's (read-only)
     * @param overridden whether the owner set the same name, so containers get the owner's value instead
     */
    record VariableView(String key, String value, Instant updatedAt, String source, boolean overridden) {

        static VariableView of(Variable variable, boolean reveal) {
            return new VariableView(variable.key(), reveal ? variable.value() : MASK, variable.updatedAt(), OWNER,
                    false);
        }

        static VariableView of(LinkedVariable variable, boolean overridden) {
            return new VariableView(variable.name(), MASK, variable.linkedAt(), "database:" + variable.databaseId(),
                    overridden);
        }
    }
}
