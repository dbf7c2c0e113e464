package dev.paas.build.stack;

import dev.paas.build.BuildProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The runtimes build-service can generate a Dockerfile for, in detection order. */
public final class RuntimeCatalog {

    private final List<Runtime> runtimes;

    public RuntimeCatalog(List<Runtime> runtimes) {
        this.runtimes = runtimes.stream()
                .sorted(Comparator.comparingInt(Runtime::order).thenComparing(Runtime::name))
                .toList();
    }

    /** The catalog configured under {@code paas.build.stacks}. */
    public static RuntimeCatalog from(Map<String, BuildProperties.Runtime> configured) {
        return new RuntimeCatalog(configured.entrySet().stream()
                .map(entry -> new Runtime(entry.getKey(), entry.getValue().image(), entry.getValue().port(),
                        entry.getValue().markers(), entry.getValue().order(), entry.getValue().template(),
                        entry.getValue().ignore()))
                .toList());
    }

    /** All entries, in detection order. */
    public List<Runtime> runtimes() {
        return runtimes;
    }
}
