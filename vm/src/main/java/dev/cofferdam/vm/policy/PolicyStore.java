package dev.cofferdam.vm.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Policy files under the config directory: {@code policy/global.policy} and
 * {@code policy/sandboxes/NAME.policy}. Writes are atomic (temp file + rename), so a reader never
 * sees half a file. Thread-safe for readers; concurrent writers of one scope race (last wins).
 */
public final class PolicyStore {
    private static final Pattern SANDBOX_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Path dir;

    /** @param configDir the Cofferdam config directory (see {@link CofferdamDirs}) */
    public PolicyStore(Path configDir) {
        this.dir = configDir.resolve("policy");
    }

    /**
     * @param sandbox a sandbox name, or {@code null} for the global scope
     * @return the file of that scope (it may not exist)
     * @throws PolicyException when the sandbox name is not a valid name
     */
    public Path file(String sandbox) throws PolicyException {
        if (sandbox == null) {
            return dir.resolve("global.policy");
        }
        if (!SANDBOX_NAME.matcher(sandbox).matches()) {
            throw new PolicyException("invalid sandbox name '" + sandbox + "' (letters, digits, '.', '_', '-')");
        }
        return dir.resolve("sandboxes").resolve(sandbox + ".policy");
    }

    /**
     * @param sandbox a sandbox name, or {@code null} for the global scope
     * @return the scope's document; {@link PolicyDocument#EMPTY} when the file does not exist
     * @throws PolicyException when the file cannot be read or parsed
     */
    public PolicyDocument read(String sandbox) throws PolicyException {
        Path f = file(sandbox);
        try {
            return PolicyDocument.parse(Files.readString(f, StandardCharsets.UTF_8), f.getFileName().toString());
        } catch (NoSuchFileException e) {
            return PolicyDocument.EMPTY;
        } catch (IOException e) {
            throw new PolicyException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the scope's file atomically.
     *
     * @throws PolicyException when the file cannot be written
     */
    public void write(String sandbox, PolicyDocument doc) throws PolicyException {
        Path f = file(sandbox);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".policy", ".tmp");
            Files.writeString(tmp, doc.toText(sandbox == null ? "global" : "sandbox " + sandbox),
                    StandardCharsets.UTF_8);
            try {
                Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PolicyException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    /** @return the names of sandboxes that have a policy file */
    public List<String> sandboxes() throws PolicyException {
        Path d = dir.resolve("sandboxes");
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(d)) {
            return out;
        }
        try (Stream<Path> s = Files.list(d)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".policy"))
                    .map(n -> n.substring(0, n.length() - ".policy".length())).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new PolicyException("cannot list " + d + ": " + e.getMessage(), e);
        }
        return out;
    }
}
