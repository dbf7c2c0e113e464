package dev.paas.metrics.notifications;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.EnableScheduling;
import tools.jackson.databind.json.JsonMapper;

/** The senders: webhooks always, e-mail through the SMTP server in {@code paas.metrics.notifications.smtp}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationsProperties.class)
class NotificationsConfiguration {

    @Bean
    Senders notificationSenders(NotificationsProperties properties, JsonMapper json) {
        List<NotificationSender> senders = new ArrayList<>();
        senders.add(new WebhookSender(json, properties.webhookTimeout()));
        NotificationsProperties.Smtp smtp = properties.smtp();
        if (smtp.configured()) {
            senders.add(new EmailSender(mailSender(smtp), smtp.from()));
        }
        return new Senders(senders);
    }

    private static JavaMailSenderImpl mailSender(NotificationsProperties.Smtp smtp) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost(smtp.host());
        mail.setPort(smtp.port());
        if (smtp.username() != null && !smtp.username().isBlank()) {
            mail.setUsername(smtp.username());
            mail.setPassword(smtp.password());
        }
        Properties javaMail = new Properties();
        javaMail.put("mail.smtp.auth", Boolean.toString(smtp.username() != null && !smtp.username().isBlank()));
        javaMail.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        javaMail.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        javaMail.put("mail.smtp.connectiontimeout", "10000");
        javaMail.put("mail.smtp.timeout", "10000");
        javaMail.put("mail.smtp.writetimeout", "10000");
        mail.setJavaMailProperties(javaMail);
        return mail;
    }
}
