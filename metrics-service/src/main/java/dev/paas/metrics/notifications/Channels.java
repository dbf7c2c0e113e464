package dev.paas.metrics.notifications;

import dev.paas.problems.Conflict;
import dev.paas.problems.InvalidInput;
import dev.paas.problems.NotFound;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each user's notification channels: e-mail addresses (only while the administrator has configured SMTP) and
 * webhooks, whose signing secret is generated here and shown once.
 */
@Service
public class Channels {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ChannelStore store;
    private final NotificationsProperties properties;

    Channels(ChannelStore store, NotificationsProperties properties) {
        this.store = store;
        this.properties = properties;
    }

    /** Adds a channel for {@code ownerId}; a webhook's answer carries its signing secret, this once. */
    @Transactional
    public NotificationChannel add(UUID ownerId, NewNotificationChannel request) {
        if (request == null) {
            throw new InvalidInput("type", "is required");
        }
        ChannelType type = ChannelType.fromApiName(request.type())
                .orElseThrow(() -> new InvalidInput("type", "must be email or webhook"));
        return switch (type) {
            case EMAIL -> store.insert(ownerId, type, email(request.address()), null).view();
            case WEBHOOK -> {
                String secret = newSecret();
                ChannelStore.Channel channel = store.insert(ownerId, type, webhookUrl(request.url()), secret);
                yield new NotificationChannel(channel.id(), type.apiName(), channel.target(), channel.createdAt(),
                        secret);
            }
        };
    }

    /** The caller's channels, without secrets. */
    public List<NotificationChannel> of(UUID ownerId) {
        return store.of(ownerId).stream().map(ChannelStore.Channel::view).toList();
    }

    /** Removes one of the caller's channels with its pending deliveries; another user's is answered as unknown. */
    @Transactional
    public void remove(UUID ownerId, UUID channelId) {
        store.find(channelId).filter(channel -> channel.ownerId().equals(ownerId))
                .orElseThrow(() -> new NotFound("notification channel", channelId));
        store.delete(channelId);
    }

    private String email(String address) {
        if (!properties.smtp().configured()) {
            throw new Conflict("e-mail notifications are off: the administrator has not configured an SMTP server"
                    + " (paas.metrics.notifications.smtp.host)");
        }
        if (address == null || address.isBlank()) {
            throw new InvalidInput("address", "is required for an email channel");
        }
        String trimmed = address.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            throw new InvalidInput("address", "must be an e-mail address like someone@example.com");
        }
        return trimmed;
    }

    private static String webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInput("url", "is required for a webhook channel");
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || url.trim().length() > 2000) {
                throw new InvalidInput("url", "must be an absolute https:// or http:// URL");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw new InvalidInput("url", "must be an absolute https:// or http:// URL");
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + HexFormat.of().formatHex(bytes);
    }
}
