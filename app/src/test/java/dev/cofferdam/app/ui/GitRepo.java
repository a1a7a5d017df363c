package dev.cofferdam.app.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real git repository made with the git command line, for tests. */
public final class GitRepo {
    private final Path dir;

    public GitRepo(Path dir) throws IOException, InterruptedException {
        this.dir = dir;
        git("init", "-q", "-b", "main");
    }

    public Path dir() {
        return dir;
    }

    public GitRepo write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return this;
    }

    public GitRepo commit(String message) throws IOException, InterruptedException {
        git("add", "-A");
        git("-c", "user.name=Test", "-c", "user.email=test@cofferdam.example", "commit", "-q", "-m", message);
        return this;
    }

    public String git(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GIT_CONFIG_GLOBAL", "/dev/null");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException("git " + String.join(" ", args) + ": " + out);
        }
        return out;
    }
}
