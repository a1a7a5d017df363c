package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The random id ({@code secrets/keychain-id}) that keeps one config directory's keychain items
 * apart from any other's (another installation, a test). Not secret. Stateless; thread-safe as
 * far as the file system is (two first writers race harmlessly only before any item exists).
 */
final class KeychainId {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeychainId() {
    }

    /**
     * @param create make the id when there is none yet
     * @return the id
     * @throws SecretException when it is missing (and not to be created) or cannot be read or written
     */
    static String of(Path configDir, boolean create) throws SecretException {
        Path f = configDir.resolve("secrets").resolve("keychain-id");
        try {
            if (Files.exists(f)) {
                return Files.readString(f).strip();
            }
            if (!create) {
                throw new SecretException("the keychain id " + f + " is missing: the keychain items of this vault"
                        + " cannot be found");
            }
            byte[] id = new byte[12];
            RANDOM.nextBytes(id);
            String text = HexFormat.of().formatHex(id);
            Files.createDirectories(f.getParent());
            Files.setPosixFilePermissions(f.getParent(), PosixFilePermissions.fromString("rwx------"));
            Files.writeString(f, text + "\n");
            return text;
        } catch (IOException e) {
            throw new SecretException("cannot read or create " + f + ": " + e.getMessage(), e);
        }
    }
}
