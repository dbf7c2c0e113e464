package dev.paas.metrics.analytics;

/**
 * How far the tail has read: the file's identity (its {@code fileKey}, device and inode on Linux) and the offset just
 * after the last line counted. Stored in the same transaction as the counts of the lines before it.
 *
 * @param fileKey the identity of the file read, {@code null} before the first line
 * @param offset the byte offset of the next line to read
 */
record TailPosition(String fileKey, long offset) {

    static final TailPosition START = new TailPosition(null, 0);
}
