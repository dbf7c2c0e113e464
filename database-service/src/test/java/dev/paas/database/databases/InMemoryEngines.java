package dev.paas.database.databases;

import dev.paas.database.engine.ConnectionInfo;
import dev.paas.database.engine.ContainerStatus;
import dev.paas.database.engine.DatabaseEngines;
import dev.paas.database.engine.DatabaseSpec;
import dev.paas.database.engine.DatabaseType;
import dev.paas.database.engine.EngineUnavailable;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A small in-memory {@link DatabaseEngines} for fast tests of the lifecycle's rules: containers are map entries. */
class InMemoryEngines implements DatabaseEngines {

    final Map<String, ContainerStatus> containers = new ConcurrentHashMap<>();
    final Set<String> volumes = ConcurrentHashMap.newKeySet();
    final Map<String, Boolean> refusingWrites = new ConcurrentHashMap<>();
    volatile boolean ready = true;
    volatile long usage;

    @Override
    public List<String> versions(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> List.of("15");
            case MYSQL -> List.of("10.11");
            case REDIS -> List.of("7");
            case MONGODB -> List.of("7");
        };
    }

    @Override
    public String resolve(DatabaseType type, String version) {
        if (type == DatabaseType.MONGODB) {
            throw new EngineUnavailable("MongoDB needs the image mongo:7, which is not on this host and cannot be "
                    + "pulled");
        }
        return "paas/" + type.id() + ":" + version;
    }

    @Override
    public void start(DatabaseSpec spec) {
        volumes.add(spec.volume());
        containers.put(spec.containerName(), new ContainerStatus(ContainerStatus.State.RUNNING, null, Instant.now(),
                false));
    }

    @Override
    public boolean ready(DatabaseSpec spec) {
        return ready && status(spec.containerName()).running();
    }

    @Override
    public ContainerStatus status(String containerName) {
        return containers.getOrDefault(containerName, ContainerStatus.missing());
    }

    @Override
    public void stop(String containerName, Duration grace) {
        containers.computeIfPresent(containerName, (name, status) -> new ContainerStatus(
                ContainerStatus.State.EXITED, 0L, status.startedAt(), false));
    }

    @Override
    public void remove(String containerName) {
        containers.remove(containerName);
    }

    @Override
    public void removeVolume(String volume) {
        volumes.remove(volume);
    }

    @Override
    public ConnectionInfo connection(DatabaseSpec spec) {
        int port = switch (spec.type()) {
            case POSTGRESQL -> 5432;
            case MYSQL -> 3306;
            case REDIS -> 6379;
            case MONGODB -> 27017;
        };
        String scheme = spec.type() == DatabaseType.POSTGRESQL ? "postgresql" : spec.type().id();
        return new ConnectionInfo(spec.networkAlias(), port, spec.credentials(), scheme + "://"
                + spec.credentials().user() + ":" + spec.credentials().password() + "@" + spec.networkAlias() + ":"
                + port + "/" + spec.credentials().database(), spec.externalAccess() ? 49152 : null);
    }

    @Override
    public long usageBytes(DatabaseSpec spec) {
        return usage;
    }

    @Override
    public void refuseWrites(DatabaseSpec spec, boolean refuse) {
        refusingWrites.put(spec.containerName(), refuse);
    }

    @Override
    public void dump(DatabaseSpec spec, OutputStream out) {
        throw new UnsupportedOperationException("not in memory");
    }

    @Override
    public void loadIntoNewVolume(DatabaseSpec spec, InputStream dump, String scratchVolume) {
        throw new UnsupportedOperationException("not in memory");
    }

    @Override
    public List<String> lastLogLines(String containerName, int lines) {
        return List.of();
    }
}
