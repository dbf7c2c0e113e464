package dev.paas.build.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DockerfilePortsTest {

    @Test
    void readsTheFirstExposedPort() {
        assertThat(DockerfilePorts.firstExposed("FROM x\nEXPOSE 8000\nEXPOSE 9000\n")).hasValue(8000);
        assertThat(DockerfilePorts.firstExposed("from x\nexpose 5000/tcp 6000\n")).hasValue(5000);
    }

    @Test
    void skipsUdpAndVariables() {
        assertThat(DockerfilePorts.firstExposed("FROM x\nEXPOSE 53/udp 8053\n")).hasValue(8053);
        assertThat(DockerfilePorts.firstExposed("FROM x\nARG PORT=1\nEXPOSE $PORT\n")).isEmpty();
    }

    @Test
    void looksAtTheFinalStageOnly() {
        String multiStage = "FROM builder AS build\nEXPOSE 1234\nRUN make\nFROM runtime\nCOPY --from=build /a /a\n";

        assertThat(DockerfilePorts.firstExposed(multiStage)).isEqualTo(OptionalInt.empty());
        assertThat(DockerfilePorts.firstExposed(multiStage + "EXPOSE \\\n  8443\n")).hasValue(8443);
    }

    @Test
    void isEmptyWithoutExpose() {
        assertThat(DockerfilePorts.firstExposed("FROM x\nCMD [\"run\"]\n")).isEmpty();
    }
}
