package dev.cofferdam.vm.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Paths inside a guest root file system being built, resolved as the guest will see them:
 * symbolic links are followed inside the root (absolute targets start again at the root, ".."
 * stops at it), so a link in an untrusted image never leads a host-side write out of the tree.
 * Stateless and thread-safe.
 */
final class RootedPath {
    private static final int MAX_LINKS = 40;

    private RootedPath() {
    }

    /** The host path of {@code guestPath} inside {@code root}, links followed; empty when a part is missing. */
    static Optional<Path> resolve(Path root, String guestPath) throws IOException {
        return walk(root, guestPath, false);
    }

    /** As {@link #resolve}, creating missing directories (mode 0755) on the way. */
    static Path directory(Path root, String guestDir) throws IOException {
        Path dir = walk(root, guestDir, true).orElseThrow();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("/" + guestDir + " is not a directory in the guest root");
        }
        return dir;
    }

    /** Replaces the file at {@code guestPath} (a link there is replaced, not followed) with {@code content}. */
    static void writeFile(Path root, String guestPath, byte[] content, String permissions) throws IOException {
        int slash = guestPath.lastIndexOf('/');
        Path dir = directory(root, slash < 0 ? "" : guestPath.substring(0, slash));
        Path file = dir.resolve(guestPath.substring(slash + 1));
        Files.deleteIfExists(file);
        Files.write(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    }

    private static Optional<Path> walk(Path root, String guestPath, boolean create) throws IOException {
        Path top = root.toAbsolutePath().normalize();
        Deque<String> todo = new ArrayDeque<>(parts(guestPath));
        Path current = top;
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.removeFirst();
            if (part.equals("..")) {
                current = current.equals(top) ? top : current.getParent();
                continue;
            }
            Path next = current.resolve(part);
            if (Files.isSymbolicLink(next)) {
                if (++links > MAX_LINKS) {
                    throw new IOException("too many symbolic links resolving /" + guestPath + " in the guest root");
                }
                String target = Files.readSymbolicLink(next).toString();
                if (target.startsWith("/")) {
                    current = top;
                }
                List<String> more = parts(target);
                for (int i = more.size() - 1; i >= 0; i--) {
                    todo.addFirst(more.get(i));
                }
                continue;
            }
            if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                if (!create) {
                    return Optional.empty();
                }
                Files.createDirectory(next);
                Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            current = next;
        }
        return Optional.of(current);
    }

    private static List<String> parts(String path) {
        return Arrays.stream(path.split("/")).filter(p -> !p.isEmpty() && !p.equals(".")).toList();
    }
}
