package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** The per-sandbox egress socket ({@code run/egress.sock}) that QEMU's relay dials. Stateless. */
final class EgressSockets {
    private EgressSockets() {
    }

    static Path path(Path runDir) {
        return runDir.resolve("egress.sock");
    }

    /** @return whether a live process (e.g. the workbench) already serves the socket */
    static boolean answers(Path sock) {
        if (!Files.exists(sock)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(sock));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Binds a fresh socket at {@code sock}, replacing a stale file. */
    static ServerSocketChannel bind(Path sock) throws IOException {
        Files.deleteIfExists(sock);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(sock));
        return server;
    }
}
