package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Which backend receives newly stored credentials: {@code auto} (the OS keychain when the Secret
 * Service answers, else the encrypted file), {@code keychain} (required) or {@code file}. Kept in
 * {@code secrets/backend} in the config directory; absent means {@code auto}. Immutable.
 */
public enum BackendSetting {
    AUTO, KEYCHAIN, FILE;

    /** @return the id ({@code auto}, {@code keychain}, {@code file}) */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the setting with this id
     * @throws SecretException for any other text
     */
    public static BackendSetting parse(String text) throws SecretException {
        for (BackendSetting s : values()) {
            if (s.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new SecretException("unknown credential backend '" + text.strip() + "' (auto, keychain or file)");
    }

    /** @return the setting stored in the config directory ({@link #AUTO} when none) */
    public static BackendSetting read(Path configDir) throws SecretException {
        Path f = file(configDir);
        if (!Files.exists(f)) {
            return AUTO;
        }
        try {
            return parse(Files.readString(f));
        } catch (IOException e) {
            throw new SecretException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    /** Stores this setting in the config directory. */
    public void write(Path configDir) throws SecretException {
        Path f = file(configDir);
        try {
            Files.createDirectories(f.getParent());
            Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.writeString(f, id() + "\n");
        } catch (IOException e) {
            throw new SecretException("cannot write " + f + ": " + e.getMessage(), e);
        }
    }

    private static Path file(Path configDir) {
        return configDir.resolve("secrets").resolve("backend");
    }
}
