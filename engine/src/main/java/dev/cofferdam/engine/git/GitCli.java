package dev.cofferdam.engine.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code git} command line in one directory, non-interactively and with a stable output
 * language. Stateless and thread-safe; each call starts one process.
 */
public final class GitCli {
    private static final Logger LOG = LoggerFactory.getLogger(GitCli.class);

    private final Path dir;
    private final Map<String, String> extraEnv;

    public GitCli(Path dir) {
        this(dir, Map.of());
    }

    private GitCli(Path dir, Map<String, String> extraEnv) {
        this.dir = dir;
        this.extraEnv = Map.copyOf(extraEnv);
    }

    /** @return a git runner in the same directory with these environment variables added (e.g. GIT_INDEX_FILE) */
    public GitCli withEnv(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(extraEnv);
        all.putAll(env);
        return new GitCli(dir, all);
    }

    public Path dir() {
        return dir;
    }

    /**
     * Runs {@code git args...} and returns its standard output (UTF-8).
     *
     * @throws GitException when git is missing or exits with a non-zero status (message: git's first error line)
     */
    public String run(String... args) throws GitException {
        Result r = exec(args);
        if (r.status != 0) {
            throw new GitException("git " + args[0] + " failed: " + firstLine(r.err));
        }
        return r.out;
    }

    /** Like {@link #run} but returns the exit status and output instead of throwing on a non-zero status. */
    public Result exec(String... args) throws GitException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        // settings a user's configuration may change that would alter the output we parse
        for (String setting : new String[] {"core.quotepath=off", "color.ui=false", "log.showSignature=false",
            "status.relativePaths=false"}) {
            cmd.add("-c");
            cmd.add(setting);
        }
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.put("GIT_TERMINAL_PROMPT", "0");
        env.put("GIT_OPTIONAL_LOCKS", "0");
        env.put("LC_ALL", "C");
        env.put("GIT_PAGER", "cat");
        env.putAll(extraEnv);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new GitException("git is not installed or not on the PATH", e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            String out = readAll(p.getInputStream());
            int status = p.waitFor();
            Result r = new Result(status, out, err.join());
            LOG.debug("git {} in {} -> {}", args, dir, status);
            return r;
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git", e);
        } catch (IOException | UncheckedIOException e) {
            p.destroyForcibly();
            throw new GitException("could not run git: " + e.getMessage(), e);
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            return buf.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }

    /** Exit status and both outputs of one git run. */
    public record Result(int status, String out, String err) {
    }
}
