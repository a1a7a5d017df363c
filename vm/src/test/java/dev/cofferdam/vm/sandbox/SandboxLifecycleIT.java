package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Boots one real tiny guest (TCG here) and drives it through exec, copy, restart and removal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxLifecycleIT {
    @TempDir
    static Path data;
    private SandboxService service;
    private final RefusingEgressRelay relay = new RefusingEgressRelay();

    @BeforeAll
    void boot() throws Exception {
        service = TestGuests.service(data, relay);
        SandboxInfo info = service.create(SandboxSpec.of("life"), (s, d, t) -> { });
        assertThat(info.state()).isEqualTo(SandboxState.RUNNING);
        assertThat(info.pid()).isPositive();
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
    }

    @Test
    void execReturnsOutputAndExitCode() throws Exception {
        TestGuests.Output o = TestGuests.run(service, "life", "sh", "-c", "echo hello; echo oops >&2; exit 7");
        assertThat(o.out()).isEqualTo("hello\n");
        assertThat(o.err()).isEqualTo("oops\n");
        assertThat(o.code()).isEqualTo(7);
        assertThat(TestGuests.run(service, "life", "uname", "-r").out()).contains("cloud-amd64");
    }

    @Test
    void missingCommandIs127() throws Exception {
        TestGuests.Output o = TestGuests.run(service, "life", "no-such-program");
        assertThat(o.code()).isEqualTo(127);
        assertThat(o.err()).contains("no-such-program");
    }

    @Test
    void outputIsStreamedInChunksAsItIsWritten() throws Exception {
        List<String> chunks = new ArrayList<>();
        ExecResult r = service.exec("life", ExecRequest.of("sh", "-c", "echo one; sleep 0.5; echo two; sleep 0.5; echo three"),
                (isErr, d, n) -> chunks.add(new String(d, 0, n)));
        assertThat(r.exitCode()).isZero();
        assertThat(chunks).containsExactly("one\n", "two\n", "three\n");
    }

    @Test
    void filesCopyInAndOutUnchanged() throws Exception {
        byte[] content = new byte[200_000];
        new Random(42).nextBytes(content);
        Path src = data.resolve("blob.bin");
        Files.write(src, content);
        service.copyIn("life", src, "/tmp/blob.bin");
        assertThat(TestGuests.run(service, "life", "wc", "-c", "/tmp/blob.bin").out().strip()).startsWith("200000");
        Path back = data.resolve("back.bin");
        service.copyOut("life", "/tmp/blob.bin", back);
        assertThat(Files.readAllBytes(back)).isEqualTo(content);
        assertThatThrownBy(() -> service.copyOut("life", "/nope/missing", data.resolve("x")))
                .isInstanceOf(SandboxException.class).hasMessageContaining("/nope/missing");
    }

    @Test
    void stdinReachesTheCommand() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecRequest req = ExecRequest.of("tr", "a-z", "A-Z").withStdin(new java.io.ByteArrayInputStream("shout\n".getBytes()));
        assertThat(service.exec("life", req, (e, d, n) -> out.write(d, 0, n)).exitCode()).isZero();
        assertThat(out.toString()).isEqualTo("SHOUT\n");
    }

    @Test
    void ttyModeRunsUnderATerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExecRequest req = new ExecRequest(List.of("sh", "-c", "tty; test -t 0 && echo interactive; stty size"),
                java.util.Map.of(), "", Optional.of(new TerminalSize(40, 123)), null);
        assertThat(service.exec("life", req, (e, d, n) -> out.write(d, 0, n)).exitCode()).isZero();
        assertThat(out.toString()).contains("/dev/pts/").contains("interactive").contains("40 123");
    }

    /** Regression: the agent once spun on ports with no host connected (30% of a host core per idle guest). */
    @Test
    void theAgentSleepsWhileNoHostIsConnected() throws Exception {
        TestGuests.Output o = TestGuests.run(service, "life", "sh", "-c",
                "grep voluntary_ctxt /proc/1/status; cut -d' ' -f14,15 /proc/1/stat");
        String[] lines = o.out().strip().split("\n");
        int voluntary = Integer.parseInt(lines[0].replaceAll("\\D", ""));
        String[] ticks = lines[2].split(" ");
        int cpuTicks = Integer.parseInt(ticks[0]) + Integer.parseInt(ticks[1]);
        assertThat(voluntary).as("the agent blocks in poll between commands").isPositive();
        long uptimeTicks = Long.parseLong(TestGuests.run(service, "life", "cut", "-d.", "-f1", "/proc/uptime")
                .out().strip()) * 100;
        assertThat(cpuTicks).as("agent CPU ticks vs uptime ticks " + uptimeTicks).isLessThan((int) (uptimeTicks / 2));
    }

    @Test
    void aNewServiceReadoptsTheRunningGuest() throws Exception {
        long pid = service.get("life").pid();
        try (SandboxService second = new SandboxService(TestGuests.dirs(data), new RefusingEgressRelay(),
                SandboxService.Options.defaults())) {
            SandboxInfo seen = second.get("life");
            assertThat(seen.state()).isEqualTo(SandboxState.RUNNING);
            assertThat(seen.pid()).isEqualTo(pid);
            assertThat(seen.rssKiB()).isPositive();
            assertThat(TestGuests.run(second, "life", "echo", "still here").out()).isEqualTo("still here\n");
        }
    }
}
