package dev.paas.metrics.web;

import dev.paas.metrics.containers.AdminContainers;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' list of every container the platform runs: stack, status, CPU and memory use, uptime, and
 * nothing that says whose it is (the security configuration admits only the admin role under /api/v1/admin).
 */
@RestController
class AdminContainersController {

    private final AdminContainers containers;

    AdminContainersController(AdminContainers containers) {
        this.containers = containers;
    }

    @GetMapping("/api/v1/admin/containers")
    List<AdminContainers.Row> containers() {
        return containers.list();
    }
}
