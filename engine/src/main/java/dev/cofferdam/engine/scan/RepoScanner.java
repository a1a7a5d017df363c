package dev.cofferdam.engine.scan;

import dev.cofferdam.engine.ProgressListener;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Walks a repository: honours {@code .gitignore} files (root and nested) and
 * {@code .git/info/exclude}, always skips VCS, IDE, dependency and build-output folders, never
 * follows directory symlinks (so symlink loops cannot trap it), and records unreadable files and
 * folders instead of failing. Iterative, so deep trees cannot overflow the stack. Stateless and
 * thread-safe.
 */
public final class RepoScanner {
    /** Folders skipped wherever they are. */
    static final Set<String> ALWAYS_SKIPPED = Set.of(".git", ".hg", ".svn", "node_modules", ".gradle", ".idea",
            ".vscode", "vendor", "bower_components", "__pycache__", ".venv", "venv", ".tox", ".mvn", ".cofferdam");
    /** Build-output folders, skipped at the root or next to a build file (not a Java package named "build"). */
    static final Set<String> OUTPUT_DIRS = Set.of("target", "build", "out", "bin", "dist");
    private static final Set<String> BUILD_MARKERS = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
            "settings.gradle", "settings.gradle.kts", "build.xml", "package.json", "go.mod", "pyproject.toml",
            "setup.py", "Makefile", "Cargo.toml");

    private record Pending(Path dir, String rel, List<IgnoreFile> ignores) {
    }

    /**
     * @param root     an existing, readable directory
     * @param progress receives "scanning" with the number of files found so far
     */
    public ScanResult scan(Path root, ProgressListener progress) {
        List<ScannedFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<IgnoreFile> rootIgnores = new ArrayList<>();
        Path exclude = root.resolve(".git").resolve("info").resolve("exclude");
        if (Files.isRegularFile(exclude)) {
            try {
                rootIgnores.add(IgnoreFile.read(exclude, ""));
            } catch (IOException e) {
                problems.add("unreadable: .git/info/exclude");
            }
        }
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(root, "", List.copyOf(rootIgnores)));
        while (!stack.isEmpty()) {
            Pending current = stack.pop();
            scanDirectory(current, files, problems, stack);
            progress.progress("scanning", files.size(), -1);
        }
        files.sort(Comparator.comparing(ScannedFile::path));
        return new ScanResult(files, problems);
    }

    private void scanDirectory(Pending current, List<ScannedFile> files, List<String> problems, Deque<Pending> stack) {
        TreeMap<String, Path> entries = new TreeMap<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(current.dir())) {
            for (Path entry : stream) {
                entries.put(entry.getFileName().toString(), entry);
            }
        } catch (IOException | SecurityException e) {
            problems.add("unreadable folder: " + (current.rel().isEmpty() ? "." : current.rel()));
            return;
        }
        List<IgnoreFile> ignores = current.ignores();
        if (entries.containsKey(".gitignore")) {
            try {
                ignores = new ArrayList<>(ignores);
                ignores.add(IgnoreFile.read(entries.get(".gitignore"), current.rel()));
                ignores = List.copyOf(ignores);
            } catch (IOException e) {
                problems.add("unreadable: " + join(current.rel(), ".gitignore"));
            }
        }
        boolean outputDirsSkipped = current.rel().isEmpty()
                || entries.keySet().stream().anyMatch(BUILD_MARKERS::contains);
        for (var entry : entries.entrySet()) {
            String name = entry.getKey();
            String rel = join(current.rel(), name);
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(entry.getValue(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | SecurityException e) {
                problems.add("unreadable: " + rel);
                continue;
            }
            if (attrs.isSymbolicLink()) {
                attrs = followFileLink(entry.getValue());
                if (attrs == null) {
                    continue;
                }
            }
            boolean dir = attrs.isDirectory();
            if (dir && (ALWAYS_SKIPPED.contains(name) || outputDirsSkipped && OUTPUT_DIRS.contains(name))) {
                continue;
            }
            if (ignored(ignores, rel, dir)) {
                continue;
            }
            if (dir) {
                stack.push(new Pending(entry.getValue(), rel, ignores));
            } else if (attrs.isRegularFile()) {
                files.add(new ScannedFile(rel, entry.getValue(), attrs.size(), attrs.lastModifiedTime().toMillis()));
            }
        }
    }

    /** A symlink to a regular file is scanned as that file; links to folders are not followed. */
    private static BasicFileAttributes followFileLink(Path link) {
        try {
            BasicFileAttributes target = Files.readAttributes(link, BasicFileAttributes.class);
            return target.isRegularFile() ? target : null;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    static boolean ignored(List<IgnoreFile> ignores, String rel, boolean dir) {
        for (int i = ignores.size() - 1; i >= 0; i--) {
            Boolean decision = ignores.get(i).decide(rel, dir);
            if (decision != null) {
                return decision;
            }
        }
        return false;
    }

    private static String join(String parent, String name) {
        return parent.isEmpty() ? name : parent + "/" + name;
    }
}
