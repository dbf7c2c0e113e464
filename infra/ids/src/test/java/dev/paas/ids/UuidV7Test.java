package dev.paas.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void isVersionSevenWithTheRfcVariantAndOrderedByTime() {
        UUID first = UuidV7.next();
        long before = System.currentTimeMillis();
        UUID later = UuidV7.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        assertThat(later.getMostSignificantBits() >>> 16).isGreaterThanOrEqualTo(before - 1);
        assertThat(Long.compareUnsigned(later.getMostSignificantBits() >>> 16, first.getMostSignificantBits() >>> 16))
                .isGreaterThanOrEqualTo(0);
    }
}
