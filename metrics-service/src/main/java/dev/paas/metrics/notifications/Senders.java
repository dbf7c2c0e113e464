package dev.paas.metrics.notifications;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The senders this replica has: webhooks always, e-mail only with SMTP configured. */
class Senders {

    private final Map<ChannelType, NotificationSender> byType = new EnumMap<>(ChannelType.class);

    Senders(List<NotificationSender> senders) {
        senders.forEach(sender -> byType.put(sender.type(), sender));
    }

    boolean supports(ChannelType type) {
        return byType.containsKey(type);
    }

    List<ChannelType> types() {
        return List.copyOf(byType.keySet());
    }

    Optional<NotificationSender> of(ChannelType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
