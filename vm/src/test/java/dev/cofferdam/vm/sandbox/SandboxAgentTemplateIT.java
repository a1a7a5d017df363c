package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.image.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent template: built once (debootstrap, minutes) into the IT image cache and reused, then
 * two real guests on the same base disk, each with its own copy-on-write overlay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class SandboxAgentTemplateIT {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxAgentTemplateIT.class);
    @TempDir
    static Path data;
    private SandboxService service;

    @BeforeAll
    void boot() throws Exception {
        service = TestGuests.service(data, new RefusingEgressRelay());
        TestGuests.agentImage(service);
        for (String name : List.of("agent-a", "agent-b")) {
            long t = System.nanoTime();
            service.create(spec(name), (s, d, n) -> { });
            LOG.info("{} booted in {} ms", name, (System.nanoTime() - t) / 1_000_000);
        }
    }

    private static SandboxSpec spec(String name) {
        return new SandboxSpec(name, "agent", SandboxSpec.DEFAULT_CPUS, 512, Optional.empty(), false);
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
    }

    @Test
    void theToolchainRunsInTheGuest() throws Exception {
        assertThat(version("git", "--version")).matches("git version 2\\.\\d+.*");
        assertThat(version("node", "--version")).matches("v\\d+\\.\\d+\\.\\d+");
        assertThat(version("python3", "--version")).matches("Python 3\\.\\d+\\.\\d+");
        assertThat(version("npm", "--version")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(TestGuests.run(service, "agent-a", "cat", "/etc/debian_version").out()).startsWith("13.");
    }

    private String version(String... argv) throws Exception {
        TestGuests.Output o = TestGuests.run(service, "agent-a", argv);
        assertThat(o.code()).as(String.join(" ", argv) + ": " + o.err()).isZero();
        return (o.out() + o.err()).strip();
    }

    @Test
    void aWriteInOneSandboxStaysOutOfTheOtherAndRmRemovesItsOverlay() throws Exception {
        TestGuests.Output w = TestGuests.run(service, "agent-a", "sh", "-c",
                "echo only-in-a > /root/marker && sync && cat /root/marker");
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.out()).isEqualTo("only-in-a\n");
        TestGuests.Output b = TestGuests.run(service, "agent-b", "sh", "-c", "test -e /root/marker; echo $?");
        assertThat(b.out().strip()).isEqualTo("1");
        assertThat(TestGuests.run(service, "agent-b", "touch", "/usr/local/written-by-b").code()).isZero();

        Path overlay = data.resolve("sandboxes").resolve("agent-b").resolve(RootOverlay.FILE);
        assertThat(overlay).isRegularFile();
        String info = HostCommand.run(null, 30, List.of("qemu-img", "info", "-U", overlay.toString()));
        assertThat(info).contains("file format: qcow2").contains("backing file: "
                + service.images().find("agent").orElseThrow().disk().toAbsolutePath());
        service.remove("agent-b");
        assertThat(overlay).doesNotExist();
        assertThat(Files.exists(overlay.getParent())).isFalse();
        assertThat(TestGuests.run(service, "agent-a", "cat", "/root/marker").out()).isEqualTo("only-in-a\n");

        service.stop("agent-a");
        service.start("agent-a");
        assertThat(TestGuests.run(service, "agent-a", "cat", "/root/marker").out()).as("kept across stop/start")
                .isEqualTo("only-in-a\n");
    }
}
