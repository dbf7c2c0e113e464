package dev.paas.runtime.rollout;

import java.util.List;

/**
 * The end of a container's log as it goes into a failure reason. The reason travels in an event and is shown on
 * the dashboard: a tail of trimmed lines, not the whole log.
 */
final class LogTail {

    private static final int MAX_LINE = 300;
    private static final int MAX_LOG = 3000;

    private LogTail() {
    }

    /** The last lines, oldest first, each cut at 300 characters, at most about 3000 characters in all. */
    static String of(List<String> lines) {
        StringBuilder tail = new StringBuilder();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).stripTrailing();
            line = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
            if (tail.length() + line.length() + 1 > MAX_LOG) {
                break;
            }
            tail.insert(0, tail.isEmpty() ? line : line + "\n");
        }
        return tail.toString();
    }
}
