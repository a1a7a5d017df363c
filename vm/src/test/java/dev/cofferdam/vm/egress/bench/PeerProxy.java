package dev.cofferdam.vm.egress.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Debian's squid or tinyproxy on a loopback port, with a config written to a temporary directory. */
final class PeerProxy implements AutoCloseable {
    final String name;
    final int port;
    private final Process process;

    private PeerProxy(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static PeerProxy squid(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = dir.resolve("squid.conf");
        Files.writeString(conf, String.join("\n",
                "http_port 127.0.0.1:" + port,
                "http_access allow all",
                "cache deny all",
                "access_log none",
                "cache_log " + dir.resolve("cache.log"),
                "pid_filename " + dir.resolve("squid.pid"),
                "coredump_dir " + dir,
                "max_filedescriptors 16384",
                "dns_nameservers 127.0.0.1",
                "shutdown_lifetime 0 seconds",
                ""));
        return start("squid", port, List.of("/usr/sbin/squid", "-N", "-f", conf.toString()), dir);
    }

    static PeerProxy tinyproxy(Path dir) throws IOException, InterruptedException {
        int port = freePort();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path conf = dir.resolve("tinyproxy.conf");
        Files.writeString(conf, String.join("\n",
                "User nobody",
                "Group nogroup",
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 600",
                "MaxClients 4096",
                "LogLevel Error",
                "LogFile \"" + dir.resolve("tinyproxy.log") + "\"",
                "PidFile \"" + dir.resolve("tinyproxy.pid") + "\"",
                ""));
        return start("tinyproxy", port, List.of("/usr/bin/tinyproxy", "-d", "-c", conf.toString()), dir);
    }

    private static PeerProxy start(String name, int port, List<String> cmd, Path dir)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
        long end = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < end) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return new PeerProxy(name, port, p);
            } catch (IOException e) {
                if (!p.isAlive()) {
                    throw new IOException(name + " exited: " + Files.readString(dir.resolve(name + ".out")));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException(name + " did not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
