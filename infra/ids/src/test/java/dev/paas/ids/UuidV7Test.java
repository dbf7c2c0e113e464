package dev.paas.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void isStrictlyIncreasingWithinAProcessEvenWithinOneMillisecond() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(UuidV7.next());
        }

        for (int i = 1; i < ids.size(); i++) {
            UUID before = ids.get(i - 1);
            UUID after = ids.get(i);
            assertThat(Long.compareUnsigned(after.getMostSignificantBits(), before.getMostSignificantBits()))
                    .as("id %d (%s) after %s", i, after, before).isPositive();
            assertThat(after.compareTo(before)).isPositive();
            assertThat(after.version()).isEqualTo(7);
        }
    }
}
