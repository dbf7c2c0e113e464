package dev.paas.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcNetTcpTest {

    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 31337 1 0000000000000000 100 0 0 10 0
               1: 00000000:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 31338 1 0000000000000000 100 0 0 10 0
               2: 0100007F:0BB8 0100007F:D2F0 01 00000000:00000000 00:00000000 00000000  1000        0 31339 1 0000000000000000 20 4 30 10 -1
               3: 0500110A:0050 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 31340 1 0000000000000000 100 0 0 10 0
            """;

    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000001000000:0BB8 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41337 1 0000000000000000 100 0 0 10 0
               1: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41338 1 0000000000000000 100 0 0 10 0
               2: 0000000000000000FFFF00000100007F:2328 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41339 1 0000000000000000 100 0 0 10 0
               3: B80D0120000000000000000001000000:0050 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 41340 1 0000000000000000 100 0 0 10 0
               4: 00000000000000000000000001000000:0BB8 00000000000000000000000001000000:A1B2 06 00000000:00000000 03:00001770 00000000     0        0 0 3 0000000000000000
            """;

    @Test
    void readsListeningIpv4SocketsAndSkipsConnections() {
        assertThat(names(ProcNetTcp.listening(TCP, ByteOrder.LITTLE_ENDIAN)))
                .containsExactly("127.0.0.1:3000", "0.0.0.0:8080", "10.17.0.5:80");
    }

    @Test
    void readsListeningIpv6SocketsWithMappedIpv4AsIpv4() {
        assertThat(names(ProcNetTcp.listening(TCP6, ByteOrder.LITTLE_ENDIAN)))
                .containsExactly("[::1]:3000", "[::]:8080", "127.0.0.1:9000", "[2001:db8::1]:80");
    }

    @Test
    void tellsLoopbackAndAnyAddressApart() {
        List<ListeningSocket> sockets = ProcNetTcp.listening(TCP + TCP6, ByteOrder.LITTLE_ENDIAN);

        assertThat(names(sockets.stream().filter(ListeningSocket::loopback).toList()))
                .containsExactly("127.0.0.1:3000", "[::1]:3000", "127.0.0.1:9000");
        assertThat(names(sockets.stream().filter(ListeningSocket::anyAddress).toList()))
                .containsExactly("0.0.0.0:8080", "[::]:8080");
    }

    @Test
    void readsBigEndianTablesToo() {
        String tcp = "   0: 7F000001:0BB8 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1 1\n";
        String tcp6 = "   0: 00000000000000000000000000000001:0BB8 00000000000000000000000000000000:0000 0A 0\n";

        assertThat(names(ProcNetTcp.listening(tcp + tcp6, ByteOrder.BIG_ENDIAN)))
                .containsExactly("127.0.0.1:3000", "[::1]:3000");
    }

    @Test
    void ignoresWhatIsNotATableRow() {
        assertThat(ProcNetTcp.listening("cat: /proc/net/tcp6: No such file or directory\n\n   0: zz:0BB8 x 0A\n",
                ByteOrder.LITTLE_ENDIAN)).isEmpty();
        assertThat(ProcNetTcp.isTable(TCP)).isTrue();
        assertThat(ProcNetTcp.isTable("OCI runtime exec failed: exec: \"cat\": executable file not found")).isFalse();
    }

    @Test
    void findsASocketThisJvmListensOnInItsOwnTables() throws IOException {
        Path tcp = Path.of("/proc/self/net/tcp");
        Path tcp6 = Path.of("/proc/self/net/tcp6");
        assumeTrue(Files.isReadable(tcp), "needs Linux's /proc");
        // the JDK binds a dual-stack IPv6 socket to ::ffff:127.0.0.1 where it can, so it may be in either table
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String tables = Files.readString(tcp) + (Files.isReadable(tcp6) ? Files.readString(tcp6) : "");
            List<ListeningSocket> sockets = ProcNetTcp.listening(tables, ByteOrder.nativeOrder());

            assertThat(names(sockets)).contains("127.0.0.1:" + server.getLocalPort());
        }
    }

    private static List<String> names(List<ListeningSocket> sockets) {
        return sockets.stream().map(ListeningSocket::toString).toList();
    }
}
