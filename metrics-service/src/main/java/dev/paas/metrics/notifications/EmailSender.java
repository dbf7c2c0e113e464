package dev.paas.metrics.notifications;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends notifications as plain-text e-mail through the administrator's SMTP server. */
class EmailSender implements NotificationSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public void send(ChannelStore.Channel channel, NotificationMessage message) throws DeliveryFailed {
        SimpleMailMessage mailMessage = new SimpleMailMessage();
        mailMessage.setFrom(from);
        mailMessage.setTo(channel.target());
        if (message.notice()) {
            mailMessage.setSubject("PaaS: " + message.subject());
            mailMessage.setText(message.text() + "\n\nSee your account and top up in the dashboard.\n");
        } else {
            mailMessage.setSubject("PaaS alert: " + message.subject());
            mailMessage.setText(message.text() + "\n\nSee all your alerts in the dashboard.\n");
        }
        try {
            mail.send(mailMessage);
        } catch (MailException e) {
            throw new DeliveryFailed("SMTP: " + e.getMessage(), true);
        }
    }
}
