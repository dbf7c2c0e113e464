package dev.paas.database.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.paas.docker.OwnerNetworks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engines on the real Docker engine, with the images of this host ({@code paas/postgres:15},
 * {@code paas/mariadb:10.11}, {@code paas/redis:7}): a database starts with its credentials, limits and network,
 * its dump loads into a new volume that then serves the dumped data, a corrupt dump is rejected without leftovers,
 * and writes can be refused.
 */
class DockerDatabaseEnginesIT {

    private static DockerDatabaseEngines engines;
    private final List<DatabaseSpec> started = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void engines() {
        var calls = EngineTestSupport.calls();
        engines = new DockerDatabaseEngines(EngineTestSupport.docker(), calls,
                new OwnerNetworks(EngineTestSupport.docker(), calls), EnginesProperties.defaults());
    }

    @AfterEach
    void cleanUp() {
        started.forEach(EngineTestSupport::cleanUp);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseType.class, names = {"POSTGRESQL", "MYSQL", "REDIS"})
    void dumpLoadsIntoANewVolumeThatServesTheDumpedData(DatabaseType type) throws IOException {
        DatabaseSpec spec = newDatabase(type, false);
        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.write(spec, "old")).isTrue();
        if (type == DatabaseType.MYSQL) {
            assertThat(mariadb(spec, "CREATE PROCEDURE answer() SELECT 42").exitCode()).isZero();
        }

        Path dump = dir.resolve("dump");
        try (OutputStream out = Files.newOutputStream(dump)) {
            engines.dump(spec, out);
        }
        assertThat(Files.size(dump)).isPositive();
        assertThat(EngineClients.write(spec, "new")).isTrue();
        assertThat(EngineClients.read(spec)).isEqualTo("new,old");

        String restored = spec.volume() + "-r1";
        try (InputStream in = Files.newInputStream(dump)) {
            engines.loadIntoNewVolume(spec, in, restored);
        }
        assertThat(EngineTestSupport.containersOf(spec.databaseId())).containsExactly(spec.containerName());
        assertThat(EngineTestSupport.volumesOf(spec.databaseId())).contains(restored);

        engines.stop(spec.containerName(), Duration.ofSeconds(10));
        engines.remove(spec.containerName());
        DatabaseSpec swapped = spec.withVolume(restored);
        engines.start(swapped);
        awaitReady(swapped);
        assertThat(EngineClients.read(swapped)).isEqualTo("old");
        assertThat(engines.usageBytes(swapped)).isPositive();
        if (type == DatabaseType.MYSQL) {
            assertThat(mariadb(swapped, "CALL answer()").text().strip()).isEqualTo("42");
        }
    }

    private static EngineTestSupport.Output mariadb(DatabaseSpec spec, String sql) {
        return EngineTestSupport.exec(spec.containerName(), List.of("MYSQL_PWD=" + spec.credentials().password()),
                "mariadb", "-h127.0.0.1", "-uapp", "-N", "app", "-e", sql);
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseType.class, names = {"POSTGRESQL", "MYSQL", "REDIS"})
    void corruptDumpsAreRejectedWithoutLeftovers(DatabaseType type) throws IOException {
        DatabaseSpec spec = newDatabase(type, false);
        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.write(spec, "old")).isTrue();
        java.io.ByteArrayOutputStream dump = new java.io.ByteArrayOutputStream();
        engines.dump(spec, dump);
        byte[] good = dump.toByteArray();

        byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
        byte[] flipped = good.clone();
        for (int i = 0; i < Math.min(8, flipped.length); i++) {
            flipped[i] ^= (byte) 0x5a;
        }
        byte[] garbage = "this is not a dump; DROP everything\n\u0000\u0001".getBytes(StandardCharsets.UTF_8);
        int n = 0;
        for (byte[] corrupt : List.of(truncated, flipped, garbage)) {
            String scratchVolume = spec.volume() + "-r" + (++n);
            assertThatThrownBy(() -> engines.loadIntoNewVolume(spec, new java.io.ByteArrayInputStream(corrupt),
                    scratchVolume))
                    .isInstanceOf(DumpRejected.class)
                    .hasMessageNotContaining(spec.credentials().password());
            assertThat(EngineTestSupport.containersOf(spec.databaseId())).containsExactly(spec.containerName());
            assertThat(EngineTestSupport.volumesOf(spec.databaseId())).containsExactly(spec.volume());
        }
        assertThat(EngineClients.read(spec)).isEqualTo("old");
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseType.class, names = {"POSTGRESQL", "MYSQL", "REDIS"})
    void refusesWritesAndAllowsThemAgain(DatabaseType type) {
        DatabaseSpec spec = newDatabase(type, false);
        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.write(spec, "a")).isTrue();

        engines.refuseWrites(spec, true);
        assertThat(EngineClients.write(spec, "b")).isFalse();
        assertThat(EngineClients.read(spec)).isEqualTo("a");

        engines.refuseWrites(spec, false);
        assertThat(EngineClients.write(spec, "c")).isTrue();
        assertThat(EngineClients.read(spec)).isEqualTo("a,c");
    }

    @Test
    void runsLimitedOnTheOwnersNetworkOnlyWithoutPublishedPort() {
        DatabaseSpec spec = newDatabase(DatabaseType.REDIS, false);
        engines.start(spec);
        awaitReady(spec);
        InspectContainerResponse inspected = EngineTestSupport.docker().inspectContainerCmd(spec.containerName())
                .exec();
        assertThat(inspected.getHostConfig().getMemory()).isEqualTo(spec.memoryBytes());
        assertThat(inspected.getHostConfig().getNanoCPUs()).isEqualTo(spec.nanoCpus());
        assertThat(inspected.getHostConfig().getPidsLimit()).isEqualTo(256L);
        assertThat(inspected.getHostConfig().getCapDrop()).extracting(Enum::name).containsExactly("ALL");
        assertThat(inspected.getConfig().getLabels()).containsEntry("paas.managed", "database")
                .containsEntry("paas.database-id", spec.databaseId().toString())
                .containsEntry("paas.owner-id", spec.ownerId().toString());
        Map<String, ContainerNetwork> networks = inspected.getNetworkSettings().getNetworks();
        assertThat(networks).containsOnlyKeys(OwnerNetworks.networkOf(spec.ownerId()));
        assertThat(networks.get(OwnerNetworks.networkOf(spec.ownerId())).getAliases()).contains(spec.networkAlias());
        Ports published = inspected.getHostConfig().getPortBindings();
        assertThat(published == null ? Map.of() : published.getBindings()).isEmpty();
        assertThat(inspected.getConfig().getCmd()).noneMatch(arg -> arg.contains(spec.credentials().password()));

        ConnectionInfo connection = engines.connection(spec);
        assertThat(connection.externalPort()).isNull();
        assertThat(connection.url()).isEqualTo("redis://default:" + spec.credentials().password() + "@"
                + spec.networkAlias() + ":6379/0");
        assertThat(engines.status(spec.containerName()).running()).isTrue();
    }

    @Test
    void externalAccessPublishesOnLoopbackOnly() throws IOException {
        DatabaseSpec spec = newDatabase(DatabaseType.REDIS, true);
        engines.start(spec);
        awaitReady(spec);
        Ports.Binding[] bound = EngineTestSupport.docker().inspectContainerCmd(spec.containerName()).exec()
                .getHostConfig().getPortBindings().getBindings().get(ExposedPort.tcp(6379));
        assertThat(bound).singleElement().satisfies(binding -> assertThat(binding.getHostIp()).isEqualTo("127.0.0.1"));
        Integer port = engines.connection(spec).externalPort();
        assertThat(port).isNotNull();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("AUTH " + spec.credentials().password() + "\r\nPING\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] answer = new byte[64];
            StringBuilder text = new StringBuilder();
            while (!text.toString().contains("PONG")) {
                int read = socket.getInputStream().read(answer);
                if (read < 0) {
                    break;
                }
                text.append(new String(answer, 0, read, StandardCharsets.US_ASCII));
            }
            assertThat(text.toString()).isEqualTo("+OK\r\n+PONG\r\n");
        }
    }

    @Test
    void startingAgainIsANoOpAndStopAndRemoveTolerateMissingContainers() {
        DatabaseSpec spec = newDatabase(DatabaseType.REDIS, false);
        engines.start(spec);
        awaitReady(spec);
        engines.start(spec);
        assertThat(engines.ready(spec)).isTrue();
        engines.stop(spec.containerName(), Duration.ofSeconds(5));
        assertThat(engines.status(spec.containerName()).state()).isEqualTo(ContainerStatus.State.EXITED);
        assertThat(engines.ready(spec)).isFalse();
        assertThat(engines.usageBytes(spec)).isPositive();
        assertThat(EngineTestSupport.containersOf(spec.databaseId())).containsExactly(spec.containerName());
        engines.remove(spec.containerName());
        engines.remove(spec.containerName());
        engines.stop(spec.containerName(), Duration.ofSeconds(1));
        assertThat(engines.status(spec.containerName())).isEqualTo(ContainerStatus.missing());
        engines.removeVolume(spec.volume());
        engines.removeVolume(spec.volume());
    }

    @Test
    void aStoppedDatabaseStartsAgainAfterItsNetworkWasRemovedMeanwhile() {
        DatabaseSpec spec = newDatabase(DatabaseType.REDIS, false);
        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.write(spec, "kept")).isTrue();
        engines.stop(spec.containerName(), Duration.ofSeconds(5));
        new OwnerNetworks(EngineTestSupport.docker(), EngineTestSupport.calls()).removeIfUnused(spec.ownerId());
        assertThat(EngineTestSupport.docker().listNetworksCmd().exec())
                .noneMatch(network -> OwnerNetworks.networkOf(spec.ownerId()).equals(network.getName()));

        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.read(spec)).isEqualTo("kept");
        assertThat(EngineTestSupport.docker().inspectContainerCmd(spec.containerName()).exec().getNetworkSettings()
                .getNetworks()).containsOnlyKeys(OwnerNetworks.networkOf(spec.ownerId()));
    }

    @Test
    void postgresLoadsPlainSqlToo() throws IOException {
        DatabaseSpec spec = newDatabase(DatabaseType.POSTGRESQL, false);
        engines.start(spec);
        awaitReady(spec);
        assertThat(EngineClients.write(spec, "old")).isTrue();
        EngineTestSupport.Output sql = EngineTestSupport.exec(spec.containerName(),
                List.of("PGPASSWORD=" + spec.credentials().password()), "pg_dump", "-h", "127.0.0.1", "-U", "app",
                "-d", "app");
        assertThat(sql.exitCode()).isZero();
        assertThat(EngineClients.write(spec, "new")).isTrue();

        String restored = spec.volume() + "-r1";
        engines.loadIntoNewVolume(spec, new java.io.ByteArrayInputStream(sql.text().getBytes(StandardCharsets.UTF_8)),
                restored);
        engines.remove(spec.containerName());
        DatabaseSpec swapped = spec.withVolume(restored);
        engines.start(swapped);
        awaitReady(swapped);
        assertThat(EngineClients.read(swapped)).isEqualTo("old");
        assertThatThrownBy(() -> engines.loadIntoNewVolume(swapped, InputStream.nullInputStream(), restored))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void appsOfTheOwnerReachTheDatabaseByItsAliasAndOtherOwnersDoNot() {
        DatabaseSpec spec = newDatabase(DatabaseType.REDIS, false);
        engines.start(spec);
        awaitReady(spec);
        DatabaseSpec stranger = newDatabase(DatabaseType.REDIS, false);
        engines.start(stranger);
        awaitReady(stranger);
        List<String> auth = List.of("REDISCLI_AUTH=" + spec.credentials().password());
        // probes between our own containers on our own networks: the owner's other container, and another owner's
        DatabaseSpec neighbour = newDatabase(DatabaseType.REDIS, false);
        DatabaseSpec sameOwner = new DatabaseSpec(neighbour.databaseId(), spec.ownerId(), neighbour.type(),
                neighbour.version(), neighbour.image(), neighbour.containerName(), neighbour.volume(),
                neighbour.networkAlias(), neighbour.credentials(), neighbour.memoryBytes(), neighbour.nanoCpus(),
                neighbour.diskQuotaBytes(), false);
        started.add(sameOwner);
        engines.start(sameOwner);
        awaitReady(sameOwner);
        assertThat(EngineTestSupport.exec(sameOwner.containerName(), auth, "redis-cli", "--no-auth-warning", "-h",
                spec.networkAlias(), "PING").text().strip()).isEqualTo("PONG");
        EngineTestSupport.Output fromStranger = EngineTestSupport.exec(stranger.containerName(), auth, "timeout",
                "5", "redis-cli", "--no-auth-warning", "-h", spec.networkAlias(), "PING");
        assertThat(fromStranger.text()).doesNotContain("PONG");
    }

    @Test
    void mongoDbIsUnavailableWithoutItsImage() {
        assertThatThrownBy(() -> engines.resolve(DatabaseType.MONGODB, null))
                .isInstanceOf(EngineUnavailable.class)
                .hasMessage("MongoDB needs the image mongo:7, which is not on this host and cannot be pulled");
    }

    @Test
    void resolvesToTheLocalImagesAndRefusesUnofferedVersions() {
        assertThat(engines.resolve(DatabaseType.POSTGRESQL, null)).isEqualTo("paas/postgres:15");
        assertThat(engines.resolve(DatabaseType.MYSQL, "10.11")).isEqualTo("paas/mariadb:10.11");
        assertThat(engines.resolve(DatabaseType.REDIS, null)).isEqualTo("paas/redis:7");
        assertThat(engines.versions(DatabaseType.POSTGRESQL)).containsExactly("15");
        assertThatThrownBy(() -> engines.resolve(DatabaseType.POSTGRESQL, "9.6"))
                .isInstanceOf(EngineUnavailable.class)
                .hasMessage("PostgreSQL 9.6 is not offered; the versions are 15");
    }

    private DatabaseSpec newDatabase(DatabaseType type, boolean externalAccess) {
        DatabaseSpec spec = EngineTestSupport.spec(type, engines.resolve(type, null), externalAccess);
        started.add(spec);
        return spec;
    }

    private static void awaitReady(DatabaseSpec spec) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> engines.ready(spec));
    }
}
