package dev.cofferdam.vm.secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for tests: a private D-Bus session bus ({@code dbus-daemon} with a
 * config of its own, listening on a socket in the temp directory) and {@code gnome-keyring-daemon}
 * on it, with HOME and the XDG directories inside the temp directory so the user's own keyring is
 * never touched. The login keyring is created and unlocked with a test password. Closing stops
 * both processes.
 */
public final class PrivateKeyring implements AutoCloseable {
    static final String PASSWORD = "test-keyring-password";
    private static final List<String> PROGRAMS = List.of("dbus-daemon", "gnome-keyring-daemon");
    private final Path dir;
    private final Process bus;
    private final String address;
    private volatile Process keyring;

    private PrivateKeyring(Path dir, Process bus, String address) {
        this.dir = dir;
        this.bus = bus;
        this.address = address;
    }

    /** @return why the fixture cannot run here (programs absent), or empty */
    public static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        for (String p : PROGRAMS) {
            if (!onPath(p)) {
                absent.add(p);
            }
        }
        return absent.isEmpty() ? Optional.empty() : Optional.of("no real Secret Service here: " + String.join(", ", absent)
                + " not on PATH (apt-get install dbus-daemon gnome-keyring)");
    }

    static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Starts the bus and the keyring daemon under {@code dir}. */
    public static PrivateKeyring start(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("home"));
        Path runtime = Files.createDirectories(dir.resolve("run"));
        Files.setPosixFilePermissions(runtime, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        Path conf = dir.resolve("bus.conf");
        Files.writeString(conf, """
                <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
                 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus")));
        Process bus = new ProcessBuilder("dbus-daemon", "--config-file=" + conf, "--nofork", "--print-address=1")
                .redirectError(dir.resolve("dbus.log").toFile()).start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (address == null || !address.startsWith("unix:path=")) {
            bus.destroyForcibly();
            throw new IOException("dbus-daemon did not print an address: " + Files.readString(dir.resolve("dbus.log")));
        }
        PrivateKeyring k = new PrivateKeyring(dir, bus, address.strip());
        Runtime.getRuntime().addShutdownHook(new Thread(k::kill, "private-keyring-cleanup"));
        try {
            k.startKeyring();
        } catch (Exception | Error e) {
            k.close();
            throw e;
        }
        return k;
    }

    /** (Re)starts gnome-keyring-daemon and waits until the Secret Service answers. */
    public void startKeyring() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--foreground", "--unlock",
                "--components=secrets").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("keyring.log").toFile()));
        pb.environment().putAll(environment());
        keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write(PASSWORD.getBytes(StandardCharsets.UTF_8));
        }
        SecretServiceKeychain k = keychain();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                k.probe();
                return;
            } catch (KeychainUnavailableException e) {
                if (System.nanoTime() > deadline || !keyring.isAlive()) {
                    throw new IOException("gnome-keyring-daemon did not come up: " + e.getMessage() + "\n"
                            + Files.readString(dir.resolve("keyring.log")));
                }
                Thread.sleep(100);
            }
        }
    }

    /** Stops gnome-keyring-daemon (the keychain vanishes; the bus stays). */
    public void stopKeyring() throws InterruptedException {
        keyring.destroy();
        if (!keyring.waitFor(10, TimeUnit.SECONDS)) {
            keyring.destroyForcibly().waitFor();
        }
    }

    /** Locks the default collection, as the desktop does on screen lock or timeout. */
    public void lock() throws Exception {
        try (SecretServiceConversation c = SecretServiceConversation.open(address, Duration.ofSeconds(5))) {
            c.lock(List.of(c.defaultCollection()));
        }
    }

    /** @return the bus address */
    public String address() {
        return address;
    }

    /** @return a keychain client on this bus (prompts wait at most 5 s: nobody answers them here) */
    public SecretServiceKeychain keychain() {
        return new SecretServiceKeychain(address, Duration.ofSeconds(5));
    }

    /** @return the environment a client of this keyring runs with */
    public Map<String, String> environment() {
        return Map.of("DBUS_SESSION_BUS_ADDRESS", address, "HOME", dir.resolve("home").toString(),
                "XDG_RUNTIME_DIR", dir.resolve("run").toString(),
                "XDG_DATA_HOME", dir.resolve("home/.local/share").toString(),
                "XDG_CONFIG_HOME", dir.resolve("home/.config").toString(),
                "XDG_CACHE_HOME", dir.resolve("home/.cache").toString());
    }

    /** Runs {@code secret-tool} (libsecret's own client) against this keyring: an independent cross-check. */
    public String secretTool(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("secret-tool"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
        pb.environment().putAll(environment());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Last resort when the test JVM exits without closing (a crashed test): no daemon outlives it. */
    private void kill() {
        if (keyring != null) {
            keyring.destroyForcibly();
        }
        bus.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (keyring != null && keyring.isAlive()) {
            stopKeyring();
        }
        bus.destroy();
        if (!bus.waitFor(10, TimeUnit.SECONDS)) {
            bus.destroyForcibly().waitFor();
        }
    }
}
