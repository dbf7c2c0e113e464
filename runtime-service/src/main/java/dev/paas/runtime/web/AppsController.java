package dev.paas.runtime.web;

import dev.paas.problems.Forbidden;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import dev.paas.runtime.rollout.AppLifecycle;
import dev.paas.runtime.rollout.AppView;
import dev.paas.security.CurrentUser;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating a deployed project: its runtime, stop, start, rolling restart, scale, resources and health check;
 * for admins, suspend and resume. Requests are accepted (202) and carried out by the supervisor; the answer shows
 * what was asked for ({@code desired}) beside what runs ({@code state}). Another user's project is answered like
 * an unknown one.
 */
@RestController
@RequestMapping("/api/v1")
class AppsController {

    private final AppLifecycle apps;

    AppsController(AppLifecycle apps) {
        this.apps = apps;
    }

    @GetMapping("/projects/{id}/runtime")
    AppView runtime(@PathVariable UUID id, CurrentUser user) {
        return apps.view(id, user.id(), user.admin())
                .orElseThrow(() -> new NotFound("project", id, "nothing of it has been deployed"));
    }

    @PatchMapping("/projects/{id}/runtime")
    AppView configure(@PathVariable UUID id, @RequestBody AppLifecycle.Settings settings, CurrentUser user) {
        return apps.configure(id, settings, user.id(), user.admin());
    }

    @PostMapping("/projects/{id}/stop")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView stop(@PathVariable UUID id, CurrentUser user) {
        return apps.stop(id, user.id(), user.admin());
    }

    @PostMapping("/projects/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView start(@PathVariable UUID id, CurrentUser user) {
        return apps.start(id, user.id(), user.admin());
    }

    @PostMapping("/projects/{id}/restart")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView restart(@PathVariable UUID id, CurrentUser user) {
        return apps.restart(id, user.id(), user.admin());
    }

    @PostMapping("/projects/{id}/scale")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView scale(@PathVariable UUID id, @RequestBody Scale scale, CurrentUser user) {
        if (scale == null || scale.instances() == null) {
            throw new InvalidInput("instances", "is required: the number of replicas to run");
        }
        return apps.scale(id, scale.instances(), user.id(), user.admin());
    }

    @PostMapping("/admin/runtime/projects/{id}/suspend")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView suspend(@PathVariable UUID id, CurrentUser user) {
        requireAdmin(user);
        return apps.suspend(id);
    }

    @PostMapping("/admin/runtime/projects/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AppView resume(@PathVariable UUID id, CurrentUser user) {
        requireAdmin(user);
        return apps.resume(id);
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.admin()) {
            throw new Forbidden("only an administrator can suspend or resume a project");
        }
    }

    record Scale(Integer instances) {
    }
}
