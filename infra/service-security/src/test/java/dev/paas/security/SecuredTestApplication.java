package dev.paas.security;

import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A servlet service with nothing but service-security, for the module's own tests. */
@SpringBootApplication
class SecuredTestApplication {

    @RestController
    static class EchoController {

        @GetMapping("/api/v1/things/{id}")
        Map<String, Object> thing(@PathVariable UUID id, CurrentUser user) {
            return Map.of("thing", id, "userId", user.id(), "email", user.email(), "admin", user.admin(),
                    "roles", user.roles(), "clientIp", user.clientIp());
        }

        @GetMapping("/api/v1/admin/things")
        Map<String, Object> adminThings(CurrentUser user) {
            return Map.of("admin", user.admin());
        }

        @GetMapping("/public/whoami")
        Map<String, Object> whoAmI(CurrentUser user) {
            return Map.of("userId", user.id());
        }
    }
}
