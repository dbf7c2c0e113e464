package dev.paas.database.databases;

/** The disk quota's rule: writes are refused at the quota and allowed again below 95 % of it. */
final class DiskQuota {

    private DiskQuota() {
    }

    /** Whether the quota counts as exceeded now, given whether it was and the bytes in use. */
    static boolean exceeded(boolean wasExceeded, long usageBytes, long quotaBytes) {
        if (usageBytes >= quotaBytes) {
            return true;
        }
        return wasExceeded && usageBytes >= quotaBytes * 95 / 100;
    }
}
