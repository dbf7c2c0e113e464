package dev.paas.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): event ids sort by creation time, which keeps indexes compact. Within one
 * process they are strictly increasing: ids made in the same millisecond count up in the 12 bits after the time
 * (RFC 9562, method 1), so of two events about one aggregate the later one has the greater id even when their
 * timestamps are equal.
 */
public final class UuidV7 {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int COUNTER_LIMIT = 1 << 12;

    private static long lastMillis;
    private static int counter;

    private UuidV7() {
    }

    public static UUID next() {
        long millis;
        int sequence;
        synchronized (UuidV7.class) {
            millis = Math.max(System.currentTimeMillis(), lastMillis);
            if (millis == lastMillis) {
                counter++;
                if (counter == COUNTER_LIMIT) {
                    // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat or go back
                    millis++;
                    counter = RANDOM.nextInt(COUNTER_LIMIT / 2);
                }
            } else {
                // a random start in the lower half leaves room to count up within the millisecond
                counter = RANDOM.nextInt(COUNTER_LIMIT / 2);
            }
            lastMillis = millis;
            sequence = counter;
        }
        long msb = (millis << 16) | (0x7L << 12) | sequence;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
