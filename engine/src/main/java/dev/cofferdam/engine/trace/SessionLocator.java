package dev.cofferdam.engine.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds transcripts under the agents' directories: Claude Code {@code <projects>/<cwd>/<id>.jsonl}
 * (sub-agent files under {@code <id>/subagents/} belong to their session and are not listed),
 * Codex {@code <sessions>/YYYY/MM/DD/rollout-*.jsonl}, Gemini CLI
 * {@code <tmp>/<hash>/chats/session-*.json(l)}. Stateless, thread-safe; a missing root is empty.
 */
public final class SessionLocator {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLocator.class);

    private final List<SessionRoots> roots;

    public SessionLocator(SessionRoots roots) {
        this(List.of(roots));
    }

    /** @param roots several homes' folders (the user's own, and those of sandboxed agent runs) */
    public SessionLocator(List<SessionRoots> roots) {
        this.roots = List.copyOf(roots);
    }

    /** @return every transcript found, newest first */
    public List<SessionRef> find() {
        List<SessionRef> out = new ArrayList<>();
        roots.forEach(r -> find(r, out));
        out.sort(Comparator.comparingLong(SessionRef::mtime).reversed().thenComparing(SessionRef::path));
        return out;
    }

    private static void find(SessionRoots roots, List<SessionRef> out) {
        scan(roots.claude(), AgentKind.CLAUDE_CODE, 2, (p, a) -> p.toString().endsWith(".jsonl")
                && !p.getParent().getFileName().toString().equals("subagents"), out);
        scan(roots.codex(), AgentKind.CODEX, 4, (p, a) -> name(p).startsWith("rollout-") && name(p).endsWith(".jsonl"),
                out);
        scan(roots.gemini(), AgentKind.GEMINI, 3, (p, a) -> name(p).startsWith("session-")
                && (name(p).endsWith(".json") || name(p).endsWith(".jsonl")), out);
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static void scan(Path root, AgentKind agent, int depth, BiPredicate<Path, BasicFileAttributes> match,
                             List<SessionRef> out) {
        if (root == null || !Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.find(root, depth, (p, a) -> a.isRegularFile() && match.test(p, a),
                new FileVisitOption[0])) {
            s.forEach(p -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    out.add(new SessionRef(p.toAbsolutePath().toString(), agent, a.size(),
                            a.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    LOG.debug("skipping {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("cannot scan {}", root, e);
        }
    }
}
