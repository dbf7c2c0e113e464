package dev.paas.gateway.ratelimit;

import java.time.Duration;

/**
 * One counted limit for one caller: {@code capacity} requests per {@code period}, refilled continuously.
 *
 * @param key the Redis key, naming the limit and the caller
 * @param capacity requests allowed per period, and the largest burst
 * @param period time in which an empty bucket fills up again
 * @param what what is counted, for the 429 message ("sign-in attempts from this address")
 */
record Bucket(String key, int capacity, Duration period, String what) {
}
