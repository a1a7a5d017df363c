package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.AnalysisException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@link ChangedFiles} through the git command line: {@code git diff --name-only} for a range, or
 * the changed and untracked files of the working tree. Blocks; call it off the FX thread.
 */
public final class GitChangedFiles implements ChangedFiles {
    @Override
    public List<String> of(Path root, String range) throws AnalysisException {
        TreeSet<String> files = new TreeSet<>();
        if (range == null || range.isBlank()) {
            files.addAll(git(root, "diff", "--name-only", "--relative", "HEAD"));
            files.addAll(git(root, "ls-files", "--others", "--exclude-standard"));
        } else {
            if (range.startsWith("-")) {
                throw new AnalysisException("bad git range: " + range);
            }
            files.addAll(git(root, "diff", "--name-only", "--relative", range.trim()));
        }
        return List.copyOf(files);
    }

    private static List<String> git(Path root, String... args) throws AnalysisException {
        List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                String first = err.lines().findFirst().orElse("exit " + p.exitValue());
                throw new AnalysisException("git " + args[0] + " failed: " + first);
            }
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new AnalysisException("cannot run git: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalysisException("interrupted while running git", e);
        }
    }
}
