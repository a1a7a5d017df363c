package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.qemu.HostInfo;
import dev.cofferdam.vm.qemu.QemuCommandLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Checks a sandbox spec and the host before anything is started. Stateless and thread-safe. */
final class SpecValidator {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Below this much free space in the data directory, creating a sandbox is refused. */
    static final long MIN_FREE_MIB = 64;
    /** Unix socket paths are limited to 107 bytes; the longest we create is ".../exec9.sock.lock". */
    private static final int MAX_SOCKET_PATH = 100;

    private SpecValidator() {
    }

    static void validate(SandboxSpec spec, HostInfo host, Path dataDir, Path runDir) throws SandboxException {
        if (!NAME.matcher(spec.name()).matches()) {
            throw new SandboxException("invalid sandbox name '" + spec.name()
                    + "': use 1-32 lower case letters, digits and dashes, starting with a letter or digit");
        }
        if (spec.cpus() < 1 || spec.cpus() > host.cpus()) {
            throw new SandboxException("--cpus " + spec.cpus() + " is out of range: this host has " + host.cpus() + " CPUs");
        }
        if (spec.memoryMiB() < 64 || spec.memoryMiB() > host.memoryMiB()) {
            throw new SandboxException("--memory " + spec.memoryMiB() + " MiB is out of range: 64 to "
                    + host.memoryMiB() + " MiB (this host's memory)");
        }
        if (spec.workspace().isPresent()) {
            Path ws = spec.workspace().get();
            if (!ws.isAbsolute()) {
                throw new SandboxException("workspace " + ws + " must be an absolute path");
            }
            if (!Files.exists(ws)) {
                throw new SandboxException("workspace " + ws + " does not exist");
            }
            if (!Files.isDirectory(ws)) {
                throw new SandboxException("workspace " + ws + " is a file, not a directory");
            }
            if (ws.toString().matches(".*[\\s,\"'\\\\].*")) {
                throw new SandboxException("workspace path " + ws + " contains spaces, quotes, commas or backslashes");
            }
        }
        if (runDir.toString().length() + 20 > MAX_SOCKET_PATH) {
            throw new SandboxException("data directory path too long for Unix sockets: " + runDir
                    + " (set XDG_DATA_HOME to a shorter path)", false, null);
        }
        checkHost(dataDir);
    }

    static void checkHost(Path dataDir) throws SandboxException {
        if (!HostCommand.onPath(QemuCommandLine.BINARY)) {
            throw new SandboxException(QemuCommandLine.BINARY + " is not installed: apt-get install qemu-system-x86", false, null);
        }
        try {
            Files.createDirectories(dataDir);
            long free = Files.getFileStore(dataDir).getUsableSpace() / (1024 * 1024);
            if (free < MIN_FREE_MIB) {
                throw new SandboxException("disk full: " + free + " MiB free in " + dataDir + ", need "
                        + MIN_FREE_MIB + " MiB", false, null);
            }
        } catch (IOException e) {
            throw new SandboxException("cannot use data directory " + dataDir + ": " + e.getMessage(), false, e);
        }
    }
}
