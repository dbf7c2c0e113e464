package dev.paas.gateway.ratelimit;

/**
 * What the buckets said about one request.
 *
 * @param allowed whether the request may pass
 * @param checked whether Redis was asked; when it could not be, the request passes unchecked
 * @param tightest the bucket closest to its limit (or the one that refused)
 * @param remaining requests left in that bucket
 * @param retryAfterSeconds when a refused request may try again
 */
record Decision(boolean allowed, boolean checked, Bucket tightest, long remaining, long retryAfterSeconds) {

    static Decision unchecked() {
        return new Decision(true, false, null, 0, 0);
    }
}
