package dev.cofferdam.engine.trace.ingest;

import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.List;

/** The file effects of one simple command (its words already split). Stateless, thread-safe. */
final class Mutations {
    private Mutations() {
    }

    static void apply(String name, List<String> w, String cwd, List<FileEffect> out) {
        switch (name) {
            case "rm", "rmdir", "unlink" -> each(w, cwd, FileOp.DELETE, out);
            case "touch" -> each(w, cwd, FileOp.CREATE, out);
            case "tee" -> each(w, cwd, FileOp.MODIFY, out);
            case "mv" -> moveOrCopy(ShellCommandParser.operands(w, false), cwd, true, out);
            case "cp" -> moveOrCopy(ShellCommandParser.operands(w, false), cwd, false, out);
            case "sed" -> {
                if (ShellCommandParser.inPlace(w)) {
                    for (String f : ShellCommandParser.operands(w, true)) {
                        out.add(FileEffect.of(PathResolver.resolve(f, cwd), FileOp.MODIFY));
                    }
                }
            }
            case "git" -> git(w, cwd, out);
            default -> {
                // not a mutating command we know
            }
        }
    }

    private static void each(List<String> w, String cwd, FileOp op, List<FileEffect> out) {
        for (String f : ShellCommandParser.operands(w, false)) {
            out.add(FileEffect.of(PathResolver.resolve(f, cwd), op));
        }
    }

    private static void moveOrCopy(List<String> args, String cwd, boolean move, List<FileEffect> out) {
        if (args.size() < 2) {
            return;
        }
        String dest = args.get(args.size() - 1);
        boolean intoDir = args.size() > 2 || dest.endsWith("/") || dest.equals(".");
        for (String src : args.subList(0, args.size() - 1)) {
            String target = intoDir ? dest.replaceAll("/+$", "") + "/" + fileName(src) : dest;
            if (move) {
                out.add(FileEffect.of(PathResolver.resolve(src, cwd), FileOp.MOVE_FROM));
                out.add(FileEffect.of(PathResolver.resolve(target, cwd), FileOp.MOVE_TO));
            } else {
                out.add(FileEffect.of(PathResolver.resolve(target, cwd), FileOp.COPY_TO));
            }
        }
    }

    private static void git(List<String> w, String cwd, List<FileEffect> out) {
        int j = 1;
        String dir = cwd;
        while (j + 1 < w.size() && (w.get(j).equals("-C") || w.get(j).equals("-c"))) {
            if (w.get(j).equals("-C")) {
                dir = PathResolver.resolve(w.get(j + 1), cwd);
            }
            j += 2;
        }
        if (j >= w.size()) {
            return;
        }
        List<String> rest = w.subList(j, w.size());
        if (rest.get(0).equals("rm")) {
            for (String f : ShellCommandParser.operands(rest, false)) {
                out.add(FileEffect.of(PathResolver.resolve(f, dir), FileOp.DELETE));
            }
        } else if (rest.get(0).equals("mv")) {
            moveOrCopy(ShellCommandParser.operands(rest, false), dir, true, out);
        }
    }

    private static String fileName(String path) {
        String p = path.replaceAll("/+$", "");
        int slash = p.lastIndexOf('/');
        return slash >= 0 ? p.substring(slash + 1) : p;
    }
}
