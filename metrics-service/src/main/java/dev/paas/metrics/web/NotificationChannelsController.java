package dev.paas.metrics.web;

import dev.paas.metrics.notifications.Channels;
import dev.paas.metrics.notifications.NewNotificationChannel;
import dev.paas.metrics.notifications.NotificationChannel;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notification channels: e-mail and webhooks (a webhook's signing secret is shown once, at creation). */
@RestController
class NotificationChannelsController {

    private final Channels channels;

    NotificationChannelsController(Channels channels) {
        this.channels = channels;
    }

    @GetMapping("/api/v1/notification-channels")
    List<NotificationChannel> mine(CurrentUser user) {
        return channels.of(user.id());
    }

    @PostMapping("/api/v1/notification-channels")
    @ResponseStatus(HttpStatus.CREATED)
    NotificationChannel add(@RequestBody(required = false) NewNotificationChannel request, CurrentUser user) {
        return channels.add(user.id(), request);
    }

    @DeleteMapping("/api/v1/notification-channels/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id, CurrentUser user) {
        channels.remove(user.id(), id);
        return ResponseEntity.noContent().build();
    }
}
