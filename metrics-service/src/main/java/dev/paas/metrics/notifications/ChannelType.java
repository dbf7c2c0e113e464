package dev.paas.metrics.notifications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a notification goes besides the in-app list (the alerts API, always on). */
public enum ChannelType {
    EMAIL, WEBHOOK;

    /** {@code email} or {@code webhook}, as the API names it. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ChannelType> fromApiName(String name) {
        return name == null ? Optional.empty()
                : Arrays.stream(values()).filter(type -> type.apiName().equals(name.trim().toLowerCase(Locale.ROOT)))
                        .findFirst();
    }
}
