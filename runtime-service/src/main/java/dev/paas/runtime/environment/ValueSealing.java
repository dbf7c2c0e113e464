package dev.paas.runtime.environment;

import org.springframework.stereotype.Component;

/**
 * Seals other packages' secrets at rest under the environment's key ring ({@code paas.runtime.env.keys}), with
 * purposes of their own: a value sealed here never opens as an environment variable, nor the other way round.
 */
@Component
public class ValueSealing {

    private static final String PREFIX = "runtime.sealed/";

    private final EnvironmentKeys keys;

    ValueSealing(EnvironmentKeys keys) {
        this.keys = keys;
    }

    /** {@code value} sealed under the ring's first key, bound to {@code purpose}. */
    public Sealed seal(String purpose, String value) {
        EnvironmentKeys.Sealed sealed = keys.sealFor(PREFIX + purpose, value);
        return new Sealed(sealed.keyId(), sealed.value());
    }

    /**
     * The clear value; fails when the key is not in the ring or the value was sealed for another purpose, naming
     * {@code what} but never the value.
     */
    public String open(String purpose, String what, String keyId, String sealed) {
        return keys.openFor(PREFIX + purpose, what, keyId, sealed);
    }

    /**
     * A sealed value.
     *
     * @param keyId the id in the ring of the key that sealed it
     * @param value the SealedBox text
     */
    public record Sealed(String keyId, String value) {
    }
}
