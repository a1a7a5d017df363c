package dev.cofferdam.vm.sandbox;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Where a copy lands, by {@code cp -r} / {@code docker cp} rules: into an existing directory
 * (as its own name, or only its contents when the source ends in {@code /.}), else as the
 * target path itself, whose parent must exist. Stateless.
 */
final class CopyTarget {
    private CopyTarget() {
    }

    /** A source path split into its name and whether only its contents are meant ({@code dir/.}). */
    record Source(String path, String base, boolean contentsOnly) {
        static Source of(String path) throws SandboxException {
            boolean contents = path.equals(".") || path.endsWith("/.");
            String p = contents ? path.substring(0, path.length() - 1) : path;
            while (p.length() > 1 && p.endsWith("/")) {
                p = p.substring(0, p.length() - 1);
            }
            if (p.isEmpty()) {
                p = ".";
            }
            String base = p.substring(p.lastIndexOf('/') + 1);
            if (!contents && (base.isEmpty() || base.equals(".") || base.equals(".."))) {
                throw new SandboxException("cp: name the directory to copy (" + path + " has no name); "
                        + "add /. to copy its contents");
            }
            return new Source(p, base, contents);
        }
    }

    /**
     * The host path a copy out of the guest creates or replaces.
     *
     * @param target    the DST argument as given (a trailing slash means it must be a directory)
     * @param directory whether the source is a directory
     * @throws SandboxException (bad input) when the target's parent is missing or the kinds clash
     */
    static Path onHost(String target, Source source, boolean directory) throws SandboxException {
        Path t = Path.of(target).toAbsolutePath();
        Path last;
        if (Files.isDirectory(t)) {
            last = source.contentsOnly() ? t : t.resolve(source.base());
        } else if (target.endsWith("/")) {
            throw new SandboxException("cp: " + target + " is not a directory");
        } else if (source.contentsOnly() && !directory) {
            throw new SandboxException("cp: " + source.path() + " is not a directory, so " + source.path()
                    + "/. names nothing");
        } else {
            Path parent = t.getParent();
            if (parent == null || !Files.isDirectory(parent)) {
                throw new SandboxException("cp: " + parent + " does not exist (the parent of the target must)");
            }
            last = t;
        }
        boolean isDir = Files.isDirectory(last, LinkOption.NOFOLLOW_LINKS);
        if (directory && Files.exists(last, LinkOption.NOFOLLOW_LINKS) && !isDir) {
            throw new SandboxException("cp: cannot copy a directory onto the file " + last);
        }
        if (!directory && isDir) {
            throw new SandboxException("cp: cannot copy a file onto the directory " + last);
        }
        return last;
    }
}
