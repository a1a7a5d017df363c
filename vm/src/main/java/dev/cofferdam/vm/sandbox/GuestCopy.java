package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.image.ImageStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies files and directory trees between host and guest as tar archives through the exec
 * channel: the host's GNU tar on one side, the guest's tar (busybox or GNU) on the other. Modes
 * and symbolic links are kept (links are copied as links, never followed); ownership is not.
 * Each side first unpacks into a hidden staging directory beside the target and renames it
 * into place, so a failed copy leaves no half-written target. Stateless.
 */
final class GuestCopy {
    /** Exit code of the guest scripts for a refused source or target (bad input). */
    private static final int REFUSED = 3;
    private static final long TAR_TIMEOUT_SECONDS = 3600;

    private static final String KIND = "if [ -L \"$1\" ]; then echo link; elif [ -d \"$1\" ]; then echo dir;"
            + " elif [ -e \"$1\" ]; then echo file; else echo \"cp: $1 does not exist\" >&2; exit 3; fi";

    /** Arguments: target, kind (dir or file), source name, 1 for contents only. Reads the archive on stdin. */
    private static final String UNPACK = String.join("\n",
            "dest=$1 kind=$2 base=$3 contents=$4",
            "refuse() { echo \"cp: $*\" >&2; exit 3; }",
            "if [ -d \"$dest\" ]; then",
            "  if [ \"$contents\" = 1 ]; then final=$dest; else final=${dest%/}/$base; fi",
            "else",
            "  case $dest in */) refuse \"$dest is not a directory\";; esac",
            "  parent=$(dirname \"$dest\")",
            "  [ -d \"$parent\" ] || refuse \"$parent does not exist (the parent of the target must)\"",
            "  final=$dest",
            "fi",
            "if [ \"$kind\" = dir ]; then",
            "  if [ -e \"$final\" ] || [ -L \"$final\" ]; then",
            "    [ -d \"$final\" ] || refuse \"cannot copy a directory onto the file $final\"",
            "  fi",
            "elif [ -d \"$final\" ] && [ ! -L \"$final\" ]; then",
            "  refuse \"cannot copy a file onto the directory $final\"",
            "fi",
            "tmp=$(mktemp -d \"$(dirname \"$final\")/.cofferdam-cp.XXXXXX\") || exit 1",
            "trap 'rm -rf \"$tmp\"' EXIT",
            "tar -x -o -f - -C \"$tmp\" || exit 1",
            "if [ \"$kind\" = dir ]; then",
            "  if [ -d \"$final\" ]; then cp -af \"$tmp/.\" \"$final/\" || exit 1; else mv \"$tmp\" \"$final\" || exit 1; fi",
            "else",
            "  if [ -L \"$final\" ]; then rm -f \"$final\"; fi",
            "  mv -f \"$tmp/$base\" \"$final\" || exit 1",
            "fi");

    private GuestCopy() {
    }

    /** Copies a host file or directory to {@code target} in the guest (see {@link SandboxService#copyIn}). */
    static void in(SandboxService service, String name, Path source, String target) throws SandboxException {
        CopyTarget.Source src = CopyTarget.Source.of(source.toString());
        Path path = Path.of(src.path()).toAbsolutePath().normalize();
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new SandboxException("cp: " + source + " does not exist");
        }
        boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (src.contentsOnly() && !dir) {
            throw new SandboxException("cp: " + src.path() + " is not a directory, so " + source + " names nothing");
        }
        String base = dir ? "." : "./" + path.getFileName();
        Path archive = null;
        try {
            archive = Files.createTempFile("cofferdam-cp-", ".tar");
            Path from = dir ? path : path.getParent();
            hostTar(List.of("-c", "--format=gnu", "-f", archive.toString(), "-C", from.toString(), "--", base));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ExecRequest req = ExecRequest.of("sh", "-c", UNPACK, "sh", target, dir ? "dir" : "file",
                    path.getFileName() == null ? "" : path.getFileName().toString(), src.contentsOnly() ? "1" : "0");
            ExecResult r;
            try (InputStream in = Files.newInputStream(archive)) {
                r = service.exec(name, req.withStdin(in), (isErr, data, len) -> err.write(data, 0, len));
            }
            check(r, err, "cp to " + name + ":" + target);
        } catch (IOException e) {
            throw new SandboxException("cp of " + source + " failed: " + e.getMessage(), false, e);
        } finally {
            deleteQuietly(archive);
        }
    }

    /** Copies a guest file or directory to {@code target} on the host (see {@link SandboxService#copyOut}). */
    static void out(SandboxService service, String name, String source, Path target) throws SandboxException {
        CopyTarget.Source src = CopyTarget.Source.of(source);
        String kind = kind(service, name, src);
        boolean dir = kind.equals("dir");
        Path last = CopyTarget.onHost(target.toString(), src, dir);
        Path staging = null;
        Path archive = null;
        try {
            staging = Files.createTempDirectory(last.getParent(), ".cofferdam-cp-");
            archive = Files.createTempFile(last.getParent(), ".cofferdam-cp-", ".tar");
            receive(service, name, src, dir, archive);
            hostTar(List.of("-x", "-f", archive.toString(), "-C", staging.toString(), "--no-same-owner",
                    "--preserve-permissions"));
            if (!dir) {
                Files.move(staging.resolve(src.base()), last, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.isDirectory(last)) {
                HostCommand.run(null, TAR_TIMEOUT_SECONDS, List.of("cp", "-af", "--", staging + "/.", last + "/"));
            } else {
                Files.move(staging, last, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new SandboxException("cp to " + target + " failed: " + e.getMessage(), false, e);
        } finally {
            deleteQuietly(archive);
            if (staging != null) {
                try {
                    ImageStore.deleteTree(staging);
                } catch (IOException e) {
                    // a hidden staging directory is left behind; the target is untouched
                }
            }
        }
    }

    /** Whether the guest path is a directory, a file or a link (the link itself is copied). */
    private static String kind(SandboxService service, String name, CopyTarget.Source src) throws SandboxException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String path = src.contentsOnly() ? src.path() + "/." : src.path();
        ExecResult r = service.exec(name, ExecRequest.of("sh", "-c", KIND, "sh", path),
                (isErr, data, len) -> (isErr ? err : out).write(data, 0, len));
        check(r, err, "cp from " + name + ":" + src.path());
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    /** Streams the guest's tar of the source into {@code archive}. */
    private static void receive(SandboxService service, String name, CopyTarget.Source src, boolean dir, Path archive)
            throws SandboxException, IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String parent = src.path().contains("/") ? src.path().substring(0, src.path().lastIndexOf('/')) : ".";
        ExecRequest req = dir
                ? ExecRequest.of("tar", "-c", "-f", "-", "-C", src.path(), ".")
                : ExecRequest.of("tar", "-c", "-f", "-", "-C", parent.isEmpty() ? "/" : parent, "./" + src.base());
        ExecResult r;
        try (OutputStream file = Files.newOutputStream(archive)) {
            r = service.exec(name, req, (isErr, data, len) -> {
                if (isErr) {
                    err.write(data, 0, len);
                    return;
                }
                try {
                    file.write(data, 0, len);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        check(r, err, "cp from " + name + ":" + src.path());
    }

    private static void check(ExecResult r, ByteArrayOutputStream err, String what) throws SandboxException {
        if (r.exitCode() == 0) {
            return;
        }
        String line = err.toString(StandardCharsets.UTF_8).strip().lines().findFirst().orElse("exit " + r.exitCode());
        if (r.exitCode() == REFUSED && line.startsWith("cp: ")) {
            throw new SandboxException(line);
        }
        throw new SandboxException(what + " failed: " + line, false, null);
    }

    private static void hostTar(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tar"));
        cmd.addAll(args);
        HostCommand.run(null, TAR_TIMEOUT_SECONDS, cmd);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary archive is left behind
            }
        }
    }
}
