package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the files of a Codex {@code apply_patch} envelope ({@code *** Add File:},
 * {@code *** Update File:} with an optional {@code *** Move to:}, {@code *** Delete File:}),
 * keeping each file's hunk lines as its diff. Stateless, thread-safe.
 */
public final class PatchParser {
    private static final String ADD = "*** Add File: ";
    private static final String UPDATE = "*** Update File: ";
    private static final String DELETE = "*** Delete File: ";
    private static final String MOVE = "*** Move to: ";

    private PatchParser() {
    }

    /** @return one effect per file named in the patch (a move gives MOVE_FROM and MOVE_TO) */
    public static List<FileEffect> parse(String patch, String cwd) {
        List<FileEffect> out = new ArrayList<>();
        String path = null;
        FileOp op = null;
        String movedTo = null;
        StringBuilder diff = new StringBuilder();
        for (String line : patch.split("\n", -1)) {
            String header = header(line);
            if (header != null || line.startsWith("*** End Patch")) {
                emit(out, path, op, movedTo, diff, cwd);
                path = null;
                movedTo = null;
                diff.setLength(0);
                if (header != null) {
                    op = line.startsWith(ADD) ? FileOp.CREATE : line.startsWith(DELETE) ? FileOp.DELETE : FileOp.MODIFY;
                    path = header;
                }
            } else if (line.startsWith(MOVE) && path != null) {
                movedTo = line.substring(MOVE.length()).trim();
            } else if (path != null && !line.startsWith("*** ")) {
                diff.append(line).append('\n');
            }
        }
        emit(out, path, op, movedTo, diff, cwd);
        return out;
    }

    private static String header(String line) {
        for (String h : new String[] {ADD, UPDATE, DELETE}) {
            if (line.startsWith(h)) {
                return line.substring(h.length()).trim();
            }
        }
        return null;
    }

    private static void emit(List<FileEffect> out, String path, FileOp op, String movedTo, StringBuilder diff,
                             String cwd) {
        if (path == null) {
            return;
        }
        String d = diff.length() == 0 ? null : diff.toString();
        String abs = PathResolver.resolve(path, cwd);
        if (movedTo != null) {
            out.add(new FileEffect(abs, FileOp.MOVE_FROM, null, null, null));
            out.add(new FileEffect(PathResolver.resolve(movedTo, cwd), FileOp.MOVE_TO, d, null, Json.hash(d)));
        } else {
            out.add(new FileEffect(abs, op, d, null, Json.hash(d)));
        }
    }
}
