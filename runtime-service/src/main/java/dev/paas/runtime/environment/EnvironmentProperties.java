package dev.paas.runtime.environment;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How environment variable values are sealed at rest.
 *
 * @param keys the key ring: the first key seals every new value, the others only open values sealed before a
 *        rotation (by default one key, from {@code PAAS_ENV_KEY})
 * @param resealInterval how often values sealed under an older key are sealed again under the first one (also done
 *        at start-up)
 */
@ConfigurationProperties("paas.runtime.env")
record EnvironmentProperties(List<Key> keys, @DefaultValue("1h") Duration resealInterval) {

    EnvironmentProperties {
        keys = keys == null ? List.of() : List.copyOf(keys);
    }

    /**
     * One key of the ring.
     *
     * @param id the name rows record the key under; when empty, the key's fingerprint
     * @param key 32 random bytes, base64-encoded ({@code openssl rand -base64 32})
     */
    record Key(String id, String key) {
    }
}
