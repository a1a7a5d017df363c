package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.image.HostCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** --clone: the guest edits a private clone; the user's tree is untouched; changes return as a branch. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class SandboxCloneIT {
    @TempDir
    Path data;

    private static String git(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "-c", "user.name=T", "-c", "user.email=t@t.invalid"));
        cmd.addAll(List.of(args));
        return HostCommand.run(dir, 60, cmd).strip();
    }

    @Test
    void guestChangesComeBackAsABranchAndTheWorkingTreeStaysUntouched() throws Exception {
        Path repo = Files.createDirectories(data.resolve("repo"));
        git(repo, "init", "-q", "-b", "main");
        Files.writeString(repo.resolve("README"), "original\n");
        git(repo, "add", "README");
        git(repo, "commit", "-q", "-m", "first");

        SandboxService service = new SandboxService(TestGuests.dirs(data), new RefusingEgressRelay(),
                new SandboxService.Options(TestGuests.BOOT, Optional.empty()));
        Thread hook = new Thread(() -> TestGuests.removeAll(service));
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            service.create(SandboxSpec.of("cl").withWorkspace(repo).withClone(true), (s, d, t) -> { });
            TestGuests.Output o = TestGuests.run(service, "cl", "sh", "-c",
                    "echo changed > README && echo new > added.txt && pwd");
            assertThat(o.code()).isZero();
            assertThat(o.out().strip()).isEqualTo(repo.toString());
            assertThat(Files.readString(repo.resolve("README"))).isEqualTo("original\n");
            assertThat(repo.resolve("added.txt")).doesNotExist();

            assertThat(service.collect("cl")).contains("cofferdam/cl");
            assertThat(git(repo, "show", "cofferdam/cl:README")).isEqualTo("changed");
            assertThat(git(repo, "show", "cofferdam/cl:added.txt")).isEqualTo("new");
            assertThat(git(repo, "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("main");
            assertThat(git(repo, "status", "--porcelain")).isEmpty();

            TestGuests.run(service, "cl", "sh", "-c", "echo again >> added.txt");
            service.remove("cl");
            assertThat(git(repo, "show", "cofferdam/cl:added.txt")).isEqualTo("new\nagain");
            assertThat(data.resolve("sandboxes/cl")).doesNotExist();
        } finally {
            TestGuests.removeAll(service);
            service.close();
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }
}
