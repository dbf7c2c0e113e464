package dev.paas.messaging.binder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connection settings of the JetStream binder ({@code spring.cloud.stream.jetstream.binder.*}).
 *
 * <p>The server URL defaults to the {@code PAAS_NATS_URL} environment variable, then to the local server.
 */
@ConfigurationProperties("spring.cloud.stream.jetstream.binder")
public class JetStreamBinderProperties {

    private String url = System.getenv().getOrDefault("PAAS_NATS_URL", "nats://127.0.0.1:4222");
    private String connectionName = "paas";
    private Duration publishTimeout = Duration.ofSeconds(5);
    private Duration reconnectWait = Duration.ofMillis(500);
    private Duration duplicateWindow = Duration.ofMinutes(10);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getConnectionName() {
        return connectionName;
    }

    public void setConnectionName(String connectionName) {
        this.connectionName = connectionName;
    }

    public Duration getPublishTimeout() {
        return publishTimeout;
    }

    public void setPublishTimeout(Duration publishTimeout) {
        this.publishTimeout = publishTimeout;
    }

    public Duration getReconnectWait() {
        return reconnectWait;
    }

    public void setReconnectWait(Duration reconnectWait) {
        this.reconnectWait = reconnectWait;
    }

    public Duration getDuplicateWindow() {
        return duplicateWindow;
    }

    public void setDuplicateWindow(Duration duplicateWindow) {
        this.duplicateWindow = duplicateWindow;
    }
}
