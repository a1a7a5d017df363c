package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.vm.qemu.Accelerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused before anything starts, with one clear line, and leaves no state. */
class SandboxValidationTest {
    @TempDir
    Path data;
    private SandboxService service;

    @BeforeEach
    void open() throws Exception {
        service = new SandboxService(new VmDirs(data, data.resolve("cache")), new RefusingEgressRelay(),
                SandboxService.Options.defaults());
    }

    @AfterEach
    void close() throws Exception {
        service.close();
    }

    private void rejects(SandboxSpec spec, String message) throws Exception {
        assertThatThrownBy(() -> service.create(spec, (s, d, t) -> { }))
                .isInstanceOf(SandboxException.class).hasMessage(message)
                .matches(e -> ((SandboxException) e).isBadInput());
        assertThat(service.list()).isEmpty();
    }

    @Test
    void unknownTemplate() throws Exception {
        rejects(new SandboxSpec("a", "gentoo", 1, 256, Optional.empty(), false), "unknown template 'gentoo' (known: tiny, agent)");
    }

    @Test
    void workspaceMissingOrAFile() throws Exception {
        Path missing = data.resolve("nope");
        rejects(SandboxSpec.of("a").withWorkspace(missing), "workspace " + missing + " does not exist");
        Path file = Files.writeString(data.resolve("f.txt"), "x");
        rejects(SandboxSpec.of("a").withWorkspace(file), "workspace " + file + " is a file, not a directory");
    }

    @Test
    void resourcesBeyondTheHost() throws Exception {
        int cpus = Runtime.getRuntime().availableProcessors();
        rejects(new SandboxSpec("a", "tiny", cpus + 1, 256, Optional.empty(), false),
                "--cpus " + (cpus + 1) + " is out of range: this host has " + cpus + " CPUs");
        assertThatThrownBy(() -> service.create(new SandboxSpec("a", "tiny", 1, 100_000_000, Optional.empty(), false),
                (s, d, t) -> { })).hasMessageStartingWith("--memory 100000000 MiB is out of range");
    }

    @Test
    void cloneNeedsAGitRepository() throws Exception {
        rejects(SandboxSpec.of("a").withClone(true), "--clone needs --workspace (the git repository to clone)");
        Path plain = Files.createDirectories(data.resolve("plain"));
        rejects(SandboxSpec.of("a").withWorkspace(plain).withClone(true),
                "--clone needs a git repository with a commit: " + plain + " is not one");
    }

    @Test
    void badNames() throws Exception {
        rejects(SandboxSpec.of("Bad Name"), "invalid sandbox name 'Bad Name': use 1-32 lower case letters, digits"
                + " and dashes, starting with a letter or digit");
    }

    @Test
    void duplicateName() throws Exception {
        SandboxStore store = new SandboxStore(data.resolve("sandboxes.db"));
        store.put(new SandboxRecord(SandboxSpec.of("taken"), null, Accelerator.TCG, "", false, 0, 0, 1, 1));
        store.close();
        assertThatThrownBy(() -> service.create(SandboxSpec.of("taken"), (s, d, t) -> { }))
                .hasMessage("a sandbox named taken already exists");
        assertThat(service.get("taken").state()).isEqualTo(SandboxState.STOPPED);
    }

    @Test
    void unknownSandbox() {
        assertThatThrownBy(() -> service.exec("ghost", ExecRequest.of("true"), ExecListener.DISCARD))
                .hasMessage("no sandbox named ghost");
    }
}
