package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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

/** Interactive sessions against one real tiny guest (TCG): resize, signals, stdin, close, a stop mid-session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxSessionIT {
    private static final String NAME = "sess";
    @TempDir
    static Path data;
    private SandboxService service;

    @BeforeAll
    void boot() throws Exception {
        service = TestGuests.service(data, new RefusingEgressRelay());
        service.create(SandboxSpec.of(NAME), (s, d, t) -> { });
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
    }

    private static ExecRequest pty(int rows, int cols, String script) {
        return new ExecRequest(List.of("sh", "-c", script), Map.of(), "", Optional.of(new TerminalSize(rows, cols)), null);
    }

    @Test
    @Order(1)
    void resizeReachesTheCommandsTerminal() throws Exception {
        Output out = new Output("ready");
        try (ExecSession s = service.open(NAME, pty(24, 80, "stty size; echo ready; read line; stty size"), out)) {
            out.awaitMarker();
            s.resize(new TerminalSize(50, 132));
            s.write("go\n".getBytes(StandardCharsets.UTF_8));
            assertThat(s.awaitExit().exitCode()).isZero();
        }
        assertThat(out.text()).startsWith("24 80\r\n").endsWith("50 132\r\n");
    }

    @Test
    @Order(2)
    void aSignalEndsASleep() throws Exception {
        // Sent at once after the start, a signal may reach the child before its setsid(): repeated
        // to catch that race (the agent then signals the child itself).
        for (int i = 0; i < 20; i++) {
            try (ExecSession s = service.open(NAME, ExecRequest.of("sleep", "600"), ExecListener.DISCARD)) {
                s.signal(15);
                assertThat(s.onExit().toCompletableFuture().get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(128 + 15);
            }
        }
        try (ExecSession s = service.open(NAME, pty(24, 80, "echo ready; sleep 600"), new Output("ready"))) {
            assertThat(s.isDone()).isFalse();
            s.signal(2);
            assertThat(s.onExit().toCompletableFuture().get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(128 + 2);
        }
    }

    @Test
    @Order(3)
    void stdinBytesRoundTripUnderARawTerminal() throws Exception {
        Output out = new Output("ready");
        try (ExecSession s = service.open(NAME, pty(24, 80, "stty raw -echo; echo ready; head -c 5 | od -An -tx1"), out)) {
            out.awaitMarker();
            s.write(new byte[] {3, 'a', 0x1b, '\r', (byte) 0xff});
            assertThat(s.awaitExit().exitCode()).isZero();
        }
        assertThat(out.text()).contains("03 61 1b 0d ff");
    }

    @Test
    @Order(4)
    void typedLinesAndCtrlDReachACookedTerminal() throws Exception {
        Output out = new Output("ready");
        try (ExecSession s = service.open(NAME, pty(24, 80, "echo ready; tr a-z A-Z"), out)) {
            out.awaitMarker();
            s.write("hello\n".getBytes(StandardCharsets.UTF_8));
            s.closeStdin();
            assertThat(s.awaitExit().exitCode()).isZero();
            s.write("after the end is ignored\n".getBytes(StandardCharsets.UTF_8));
            s.resize(new TerminalSize(10, 10));
        }
        assertThat(out.text()).contains("hello\r\n").contains("HELLO\r\n");
    }

    @Test
    @Order(5)
    void closingASessionKillsItsCommandAndFreesThePort() throws Exception {
        ExecSession s = service.open(NAME, ExecRequest.of("sleep", "611"), ExecListener.DISCARD);
        s.close();
        assertThatThrownBy(s::awaitExit).isInstanceOf(SandboxException.class).hasMessageContaining("was closed");
        String ps = "";
        for (int i = 0; i < 50; i++) {
            ps = TestGuests.run(service, NAME, "ps").out();
            if (!ps.contains("sleep 611")) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(ps).doesNotContain("sleep 611");
        // All four exec ports work again after many closed sessions.
        for (int i = 0; i < 6; i++) {
            service.open(NAME, ExecRequest.of("sleep", "600"), ExecListener.DISCARD).close();
        }
        assertThat(TestGuests.run(service, NAME, "echo", "ok").out()).isEqualTo("ok\n");
    }

    @Test
    @Order(6)
    void aMissingCommandUnderATerminalIs127WithTheGuestsMessage() throws Exception {
        Output out = new Output("");
        try (ExecSession s = service.open(NAME, new ExecRequest(List.of("no-such-program"), Map.of(), "",
                Optional.of(TerminalSize.DEFAULT), null), out)) {
            assertThat(s.awaitExit().exitCode()).isEqualTo(127);
        }
        assertThat(out.text()).contains("no-such-program").contains("No such file or directory");
    }

    @Test
    @Order(7)
    void openRefusesAStdinStreamAndBadSignals() throws Exception {
        assertThatThrownBy(() -> service.open(NAME, ExecRequest.of("true").withStdin(System.in), ExecListener.DISCARD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ExecSession.write");
        try (ExecSession s = service.open(NAME, ExecRequest.of("sleep", "600"), ExecListener.DISCARD)) {
            assertThatThrownBy(() -> s.signal(0)).isInstanceOf(IllegalArgumentException.class);
            s.closeStdin();
            assertThatThrownBy(() -> s.write(new byte[1])).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    @Order(100)
    void stoppingTheSandboxEndsARunningSessionWithAClearMessage() throws Exception {
        ExecSession s = service.open(NAME, ExecRequest.of("sleep", "600"), ExecListener.DISCARD);
        service.stop(NAME);
        assertThatThrownBy(s::awaitExit).isInstanceOf(SandboxException.class)
                .hasMessage("sandbox " + NAME + " was stopped or removed while the command ran");
        s.close();
        assertThatThrownBy(() -> service.open(NAME, ExecRequest.of("true"), ExecListener.DISCARD))
                .isInstanceOf(SandboxException.class).hasMessageContaining("is stopped");
    }

    /** Collects output and lets a test wait until the guest printed a marker line. */
    private static final class Output implements ExecListener {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final String marker;
        private final CountDownLatch seen = new CountDownLatch(1);

        Output(String marker) {
            this.marker = marker;
        }

        @Override
        public synchronized void output(boolean stderr, byte[] data, int length) {
            bytes.write(data, 0, length);
            if (!marker.isEmpty() && (text().contains(marker + "\r\n") || text().contains(marker + "\n"))) {
                seen.countDown();
            }
        }

        void awaitMarker() throws InterruptedException {
            assertThat(seen.await(60, TimeUnit.SECONDS)).as("guest printed " + marker).isTrue();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
