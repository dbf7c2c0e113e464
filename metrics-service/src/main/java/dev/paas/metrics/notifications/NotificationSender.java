package dev.paas.metrics.notifications;

/** Sends a notification over one type of channel. */
interface NotificationSender {

    ChannelType type();

    void send(ChannelStore.Channel channel, NotificationMessage message) throws DeliveryFailed;
}
