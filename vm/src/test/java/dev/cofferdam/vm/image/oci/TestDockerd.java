package dev.cofferdam.vm.image.oci;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.image.ChrootMounts;
import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.qemu.HostInfo;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private Docker Engine for tests: its own dockerd (and the containerd it manages) with data,
 * exec root, pid file, socket and configuration file under a temporary directory, no bridge and
 * no iptables rules, so it never touches a system engine (dockerd 20.10 still creates
 * /etc/docker/key.json once and an empty /run/docker/plugins). Tests skip when dockerd is not installed or not root.
 */
public final class TestDockerd implements AutoCloseable {
    private static final Path DOCKERD = Path.of("/usr/sbin/dockerd");

    private final Path dir;
    private final Process process;

    private TestDockerd(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    /** Starts dockerd and waits until it answers {@code _ping}; skips the test when it cannot run here. */
    public static TestDockerd start() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(DOCKERD) || HostCommand.onPath("dockerd"),
                "dockerd is not installed (apt-get install docker.io): skipping the Docker Engine tests");
        assumeTrue(HostInfo.isRoot(), "dockerd needs root: skipping the Docker Engine tests");
        // Short path: the engine's and containerd's Unix sockets must stay under 108 bytes.
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "cd-dockerd-");
        String binary = Files.isExecutable(DOCKERD) ? DOCKERD.toString() : "dockerd";
        // Its own (empty) configuration: a host's /etc/docker/daemon.json must not change or clash with the flags.
        Path config = Files.writeString(dir.resolve("daemon.json"), "{}\n");
        Process p = new ProcessBuilder(List.of(binary, "--config-file", config.toString(),
                "--bridge=none", "--iptables=false", "--ip6tables=false",
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(), "-H", "unix://" + dir.resolve("docker.sock")))
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        TestDockerd d = new TestDockerd(dir, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!d.pings()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                String log = d.logTail();
                d.close();
                throw new IllegalStateException("the test dockerd did not come up: " + log);
            }
            Thread.sleep(100);
        }
        return d;
    }

    public Path socket() {
        return dir.resolve("docker.sock");
    }

    public EngineAddress address() {
        return new EngineAddress(socket());
    }

    /**
     * Writes a build context: static busybox at {@code busybox} and a Dockerfile that starts
     * {@code FROM scratch}, installs busybox with its applets in /bin, then has {@code steps}.
     */
    public static Path busyboxContext(Path dir, String... steps) throws IOException {
        Files.createDirectories(dir);
        Files.copy(Path.of("/bin/busybox"), dir.resolve("busybox"));
        StringBuilder df = new StringBuilder("FROM scratch\nCOPY busybox /bin/busybox\n"
                + "RUN [\"/bin/busybox\", \"--install\", \"-s\", \"/bin\"]\n");
        for (String s : steps) {
            df.append(s).append('\n');
        }
        Path dockerfile = dir.resolve("Dockerfile");
        Files.writeString(dockerfile, df.toString());
        return dockerfile;
    }

    private boolean pings() {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket()));
            ch.write(ByteBuffer.wrap("GET /_ping HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(256);
            ch.read(buf);
            return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).contains(" 200 ");
        } catch (IOException e) {
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** Stops dockerd (SIGTERM, then SIGKILL), unmounts what it left and deletes its directory. */
    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChrootMounts.release(dir);
        ImageStore.deleteTree(dir);
    }
}
