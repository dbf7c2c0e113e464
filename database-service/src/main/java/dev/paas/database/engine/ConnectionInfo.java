package dev.paas.database.engine;

import java.util.Map;

/**
 * How a linked app reaches a database from the owner's private network, and, when external access is on, how its
 * owner reaches it from the host.
 *
 * @param host the network alias ({@code db-0192f0c47a10})
 * @param port the engine's port inside the network
 * @param credentials the login
 * @param url the engine's URL ({@code postgresql://user:password@host:5432/name}, {@code redis://:password@host:6379/0})
 * @param externalPort the published loopback port on the host, or {@code null} without external access
 */
public record ConnectionInfo(String host, int port, Credentials credentials, String url, Integer externalPort) {

    /**
     * The variables a linked project receives, with {@code prefix} ({@code DATABASE}): {@code <prefix>_URL},
     * {@code _HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD}, {@code _NAME}, and for Redis also
     * {@code REDIS_URL} when the prefix is the default.
     */
    public Map<String, String> variables(String prefix, DatabaseType type) {
        var variables = new java.util.LinkedHashMap<String, String>();
        variables.put(prefix + "_URL", url);
        variables.put(prefix + "_HOST", host);
        variables.put(prefix + "_PORT", Integer.toString(port));
        variables.put(prefix + "_USER", credentials.user());
        variables.put(prefix + "_PASSWORD", credentials.password());
        variables.put(prefix + "_NAME", credentials.database());
        if (type == DatabaseType.REDIS && "DATABASE".equals(prefix)) {
            variables.put("REDIS_URL", url);
        }
        return variables;
    }

    @Override
    public String toString() {
        return "ConnectionInfo[host=" + host + ", port=" + port + ", user=" + credentials.user() + "]";
    }
}
