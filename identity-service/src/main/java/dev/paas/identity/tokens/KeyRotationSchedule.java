package dev.paas.identity.tokens;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks regularly whether the signing key is due for rotation ({@code paas.identity.key-rotation}). */
@Component
class KeyRotationSchedule {

    private final KeyRing keyRing;

    KeyRotationSchedule(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @Scheduled(initialDelayString = "${paas.identity.key-rotation-check:PT10M}",
            fixedDelayString = "${paas.identity.key-rotation-check:PT10M}")
    void rotateWhenDue() {
        keyRing.rotateIfDue();
    }
}
