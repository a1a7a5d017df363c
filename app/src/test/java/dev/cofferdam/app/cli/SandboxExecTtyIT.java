package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cofferdam sandbox exec -it} in separate JVMs on a real pseudo-terminal (util-linux
 * {@code script}), against one real tiny guest (TCG): raw mode, window size changes, Ctrl-C as a
 * byte for the guest, the terminal restored afterwards, and the sandbox removed mid-session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxExecTtyIT {
    private static final String NAME = "tty";
    @TempDir
    static Path home;

    @BeforeAll
    void create() throws Exception {
        Path cache = Path.of(System.getProperty("cofferdam.test.cache",
                Path.of(System.getProperty("java.io.tmpdir"), "cofferdam-it-cache").toString()));
        Files.createDirectories(cache);
        Files.createDirectories(home.resolve("cache"));
        Files.createSymbolicLink(home.resolve("cache/cofferdam"), cache);
        Run r = cli(List.of("sandbox", "create", NAME)).finish();
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @AfterAll
    void remove() throws Exception {
        cli(List.of("sandbox", "rm", NAME)).finish();
    }

    @Test
    @Order(1)
    void rawTerminalResizeAndCtrlCReachTheGuestAndTheTerminalIsRestored() throws Exception {
        String guest = "stty size; tty; trap 'stty size' WINCH; trap 'echo got-INT; exit 5' INT; echo ready;"
                + " while :; do sleep 1; done";
        Run r = underScript(List.of("sandbox", "exec", "-it", NAME, "sh", "-c", guest));
        r.await("ready");
        String hostTty = Files.readString(home.resolve("host-tty")).strip();
        Process stty = new ProcessBuilder("stty", "-F", hostTty, "rows", "40", "cols", "120").inheritIO().start();
        assertThat(stty.waitFor()).isZero();
        r.await("40 120");
        r.type(new byte[] {3});
        r.finish();
        assertThat(r.output()).contains("33 101").contains("/dev/pts/").contains("got-INT").contains("rc=5");
        String after = r.output().substring(r.output().indexOf("rc=5"));
        assertThat(after).as("the terminal is back in cooked mode").contains(" icanon ").contains(" echo ")
                .doesNotContain("-icanon");
    }

    @Test
    @Order(2)
    void withoutATerminalTtyStillRunsAndSaysNothing() throws Exception {
        Run r = cli(List.of("sandbox", "exec", "-i", "-t", NAME, "sh", "-c", "test -t 0 && stty size; tr a-z A-Z"));
        r.await("24 80\r\n");
        r.type("shout\n".getBytes(StandardCharsets.UTF_8));
        r.process.getOutputStream().close();
        r.finish();
        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).startsWith("24 80\r\n").endsWith("SHOUT\r\n").doesNotContain("cofferdam").doesNotContain("stty");
    }

    @Test
    @Order(3)
    void aMissingCommandUnderATerminalExits127WithTheGuestsMessage() throws Exception {
        Run r = underScript(List.of("sandbox", "exec", "-it", NAME, "no-such-program"));
        r.finish();
        assertThat(r.output()).contains("cofferdam-agent: no-such-program: No such file or directory").contains("rc=127");
    }

    @Test
    @Order(100)
    void removingTheSandboxEndsTheSessionAndRestoresTheTerminal() throws Exception {
        Run r = underScript(List.of("sandbox", "exec", "-it", NAME, "sh", "-c", "echo ready; exec sleep 600"));
        r.await("ready");
        Run rm = cli(List.of("sandbox", "rm", NAME)).finish();
        assertThat(rm.exit()).as(rm.output()).isZero();
        r.finish();
        assertThat(r.output()).contains("cofferdam: sandbox " + NAME + " was stopped or removed while the command ran")
                .contains("rc=1");
        assertThat(r.output().substring(r.output().indexOf("rc=1"))).contains(" icanon ").doesNotContain("-icanon");
    }

    /** The CLI in a new JVM whose XDG directories are this test's, with no controlling terminal. */
    private Run cli(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("setsid", "-w"));
        cmd.addAll(javaCommand());
        cmd.addAll(args);
        return start(cmd);
    }

    /**
     * The CLI on a fresh pseudo-terminal of 33x101; the shell then prints {@code rc=EXIT} and
     * {@code stty -a} of that terminal.
     */
    private Run underScript(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(javaCommand());
        cmd.addAll(args);
        String shell = "tty > " + quote(home.resolve("host-tty").toString()) + "; stty rows 33 cols 101; "
                + String.join(" ", cmd.stream().map(SandboxExecTtyIT::quote).toList()) + "; echo rc=$?; stty -a";
        return start(List.of("script", "-qec", shell, "/dev/null"));
    }

    private static List<String> javaCommand() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.cofferdam.app.Main");
    }

    private Run start(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        for (String d : List.of("data", "cache", "config", "state")) {
            env.put("XDG_" + d.toUpperCase() + "_HOME", home.resolve(d).toString());
        }
        return new Run(pb.start());
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** A running child whose merged output is collected as it arrives. */
    private static final class Run {
        private final Process process;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Thread reader;

        Run(Process process) {
            this.process = process;
            this.reader = new Thread(this::read, "child-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            byte[] buf = new byte[4096];
            try (InputStream in = process.getInputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (out) {
                        out.write(buf, 0, n);
                        out.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the child ended
            }
        }

        void await(String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (out) {
                while (!out.toString(StandardCharsets.UTF_8).contains(text)) {
                    assertThat(System.nanoTime()).as("waiting for " + text + " in:\n" + output()).isLessThan(deadline);
                    out.wait(200);
                }
            }
        }

        void type(byte[] bytes) throws IOException {
            OutputStream in = process.getOutputStream();
            in.write(bytes);
            in.flush();
        }

        Run finish() throws InterruptedException {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output()).isTrue();
            reader.join(5000);
            return this;
        }

        int exit() {
            return process.exitValue();
        }

        String output() {
            synchronized (out) {
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
