package dev.cofferdam.app.ui.sample;

import dev.cofferdam.assets.Assets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the sample repository shipped in assets into a folder, with its scripted git history
 * replayed through the git command line, so the sample has CODEOWNERS and git authorship. Done
 * once: a marker in {@code .git} says the folder is complete. Blocks; call it off the FX thread.
 */
public final class SampleRepository {
    private static final Logger LOG = LoggerFactory.getLogger(SampleRepository.class);
    static final String VERSION = "1";
    private static final String MARKER = "cofferdam-sample";
    /** Where the bundled transcript names the sample's folder; replaced by the real path on write. */
    static final String PLACEHOLDER = "{{SAMPLE}}";
    /** The folder beside the sample that holds the sample session. */
    public static final String SESSION_DIR = "sample-session";

    private final Path target;

    public SampleRepository(Path target) {
        this.target = target;
    }

    /** The default place: {@code $XDG_DATA_HOME/cofferdam/sample} or {@code ~/.local/share/cofferdam/sample}. */
    public static Path defaultLocation() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("cofferdam").resolve("sample");
    }

    /** @return the bundled agent session on the sample, beside the sample folder */
    public static Path sessionFile(Path sample) {
        return sample.resolveSibling(SESSION_DIR).resolve("session.jsonl");
    }

    /**
     * @return the folder, created and replayed if it was not there yet, with the sample session
     *         ({@link #sessionFile}) written beside it
     * @throws IOException when the folder cannot be written or git fails
     */
    public Path ensure() throws IOException {
        Path marker = target.resolve(".git").resolve(MARKER);
        if (Files.isRegularFile(marker) && VERSION.equals(Files.readString(marker).trim())) {
            writeSession();
            return target;
        }
        Files.createDirectories(target.getParent());
        Path work = Files.createTempDirectory(target.getParent(), "sample-");
        try {
            replay(work, SampleHistory.parse(resource("history.txt")));
            Files.writeString(work.resolve(".git").resolve(MARKER), VERSION + "\n");
            deleteTree(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("sample repository written to {}", target);
            writeSession();
            return target;
        } finally {
            deleteTree(work);
        }
    }

    private void replay(Path dir, SampleHistory history) throws IOException {
        Git git = new Git(dir);
        git.run(Map.of(), "init", "-q", "-b", "main");
        Map<String, Integer> seen = new HashMap<>();
        for (SampleHistory.Commit c : history.commits()) {
            for (String path : c.files()) {
                int nth = seen.merge(path, 1, Integer::sum);
                write(dir.resolve(path), resource("shop/" + path), nth, history.touches(path));
            }
            git.run(Map.of(), Stream.concat(Stream.of("add", "--"), c.files().stream()).toArray(String[]::new));
            String date = c.date().toString();
            git.run(Map.of("GIT_AUTHOR_NAME", c.author(), "GIT_AUTHOR_EMAIL", c.email(), "GIT_AUTHOR_DATE", date,
                    "GIT_COMMITTER_NAME", c.author(), "GIT_COMMITTER_EMAIL", c.email(), "GIT_COMMITTER_DATE", date),
                    "commit", "-q", "--no-verify", "-m", c.message());
        }
    }

    /** Writes the bundled transcript with its {@code cwd} and paths pointing at this sample folder. */
    private void writeSession() throws IOException {
        String abs = target.toAbsolutePath().toString();
        String json = abs.replace("\\", "\\\\").replace("\"", "\\\"");
        String content = resource("session.jsonl").replace(PLACEHOLDER, json);
        Path file = sessionFile(target);
        if (Files.isRegularFile(file) && Files.readString(file).equals(content)) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), "session-", ".tmp");
        Files.writeString(tmp, content);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes the first nth/of of the file's lines (all of them the last time). */
    static void write(Path file, String content, int nth, int of) throws IOException {
        List<String> lines = content.lines().toList();
        int keep = nth >= of ? lines.size() : (int) Math.ceil(lines.size() * (double) nth / of);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines.subList(0, keep)) + "\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Assets.class.getResourceAsStream("sample/" + name)) {
            if (in == null) {
                throw new IOException("the sample is missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
