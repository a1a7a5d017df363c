package dev.cofferdam.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real git repository in a temporary directory, driven through the git command line (as in the engine tests). */
public final class TestRepo {
    private final Path dir;
    private String authorName = "Ann";
    private String authorEmail = "ann@example.test";
    private Instant time = Instant.parse("2026-01-01T00:00:00Z");

    private TestRepo(Path dir) {
        this.dir = dir;
    }

    public static TestRepo init(Path dir) {
        TestRepo r = new TestRepo(dir);
        r.git("init", "-q", "-b", "main");
        return r;
    }

    public Path dir() {
        return dir;
    }

    public TestRepo as(String name, String email) {
        this.authorName = name;
        this.authorEmail = email;
        return this;
    }

    public TestRepo at(Instant when) {
        this.time = when;
        return this;
    }

    public TestRepo write(String path, String content) {
        try {
            Path f = dir.resolve(path);
            Files.createDirectories(f.getParent());
            Files.writeString(f, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code lines} numbered lines. */
    public TestRepo lines(String path, int lines, String tag) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            sb.append(tag).append(' ').append(i).append('\n');
        }
        return write(path, sb.toString());
    }

    public TestRepo delete(String path) {
        try {
            Files.delete(dir.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stages everything and commits; returns the commit id. */
    public String commit(String message) {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        time = time.plusSeconds(3600);
        return git("rev-parse", "HEAD").strip();
    }

    public String git(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        String date = time.getEpochSecond() + " +0000";
        env.put("GIT_AUTHOR_NAME", authorName);
        env.put("GIT_AUTHOR_EMAIL", authorEmail);
        env.put("GIT_COMMITTER_NAME", authorName);
        env.put("GIT_COMMITTER_EMAIL", authorEmail);
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_DATE", date);
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
