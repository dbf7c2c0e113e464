package dev.paas.build.web;

import dev.paas.build.catalog.RuntimeEntry;
import dev.paas.build.catalog.Runtimes;
import dev.paas.build.stack.RuntimeImage;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The runtime catalog for admins (service-security lets only the admin role reach {@code /api/v1/admin/**}): which
 * build and run images each stack and version uses.
 */
@RestController
@RequestMapping(path = "/api/v1/admin/runtimes", produces = MediaType.APPLICATION_JSON_VALUE)
class RuntimesController {

    private final Runtimes runtimes;

    RuntimesController(Runtimes runtimes) {
        this.runtimes = runtimes;
    }

    /** Every entry, stack by stack, lowest version first. */
    @GetMapping
    List<RuntimeEntry> list() {
        return runtimes.list();
    }

    @GetMapping("/{id}")
    RuntimeEntry get(@PathVariable UUID id) {
        return runtimes.get(id);
    }

    /** Adds a version of a stack: 201 with its location; 409 when the stack already has that version. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RuntimeEntry> add(@RequestBody RuntimeRequest body) {
        RuntimeEntry added = runtimes.add(body.definition());
        return ResponseEntity.created(URI.create("/api/v1/admin/runtimes/" + added.id())).body(added);
    }

    /** Replaces an entry's stack, version and images. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    RuntimeEntry replace(@PathVariable UUID id, @RequestBody RuntimeRequest body) {
        return runtimes.replace(id, body.definition());
    }

    /** Removes an entry: 204; 409 for the last entry of its stack. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        runtimes.remove(id);
        return ResponseEntity.noContent().build();
    }

    /** A catalog entry as an admin sends it. */
    record RuntimeRequest(String stack, String version, String buildImage, String runImage) {

        RuntimeImage definition() {
            return new RuntimeImage(stack, version, buildImage, runImage);
        }
    }
}
