package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credential vault everything reads through (CLI, guest placeholders, the proxy). Metadata —
 * bound hosts, guest variable, placeholder — always lives in the {@link EncryptedFileSecretStore};
 * each value is held either there or in the OS {@link Keychain}, as recorded per entry, so changing
 * the {@link BackendSetting} never strands a stored secret: old entries stay readable where they
 * are. A keychain-held value that cannot be read is an error naming the fix, never an empty
 * answer. Thread-safe (the file store synchronizes; the keychain is thread-safe).
 */
public final class CredentialVault implements SecretStore {
    private final Path configDir;
    private final EncryptedFileSecretStore file;
    private final Keychain keychain;
    private final BackendSetting setting;

    /**
     * @param configDir the Cofferdam config directory
     * @param keychain  the OS keychain, or {@code null} when there is none (no session bus)
     * @param setting   where new credentials go
     */
    public CredentialVault(Path configDir, Keychain keychain, BackendSetting setting) {
        this.configDir = configDir;
        this.file = new EncryptedFileSecretStore(configDir);
        this.keychain = keychain;
        this.setting = setting;
    }

    /** @return the vault of this process: the stored setting, the keychain on the session bus (if any) */
    public static CredentialVault open(Path configDir) throws SecretException {
        return new CredentialVault(configDir, SecretServiceKeychain.fromEnvironment().orElse(null),
                BackendSetting.read(configDir));
    }

    /** @return the encrypted file holding the metadata (and file-held values) */
    public EncryptedFileSecretStore file() {
        return file;
    }

    /** @return where new credentials go now, probing the keychain when the setting needs it */
    public BackendStatus status() {
        String fileDetail = SecretBackend.FILE.label() + " " + file.vaultFile();
        if (setting == BackendSetting.FILE) {
            return new BackendStatus(setting, SecretBackend.FILE, true, fileDetail + " (setting: file)");
        }
        Optional<String> problem = keychainProblem();
        if (problem.isEmpty()) {
            return new BackendStatus(setting, SecretBackend.KEYCHAIN, true,
                    SecretBackend.KEYCHAIN.label().replace("Secret Service", keychain.describe()));
        }
        if (setting == BackendSetting.KEYCHAIN) {
            return new BackendStatus(setting, SecretBackend.KEYCHAIN, false,
                    "OS keychain required (setting: keychain) but " + problem.get());
        }
        return new BackendStatus(setting, SecretBackend.FILE, true, fileDetail + " (auto: " + problem.get() + ")");
    }

    /** @return why the keychain cannot be used now (probing it), or empty when it answers */
    public Optional<String> keychainProblem() {
        if (keychain == null) {
            return Optional.of("no session bus (DBUS_SESSION_BUS_ADDRESS is not set)");
        }
        try {
            keychain.probe();
            return Optional.empty();
        } catch (KeychainUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void put(Credential credential, String value) throws SecretException {
        store(credential, value, null);
    }

    /**
     * Stores a credential in {@code where} ({@code null}: by the setting). The value goes to the
     * keychain first, then the metadata to the file; a value moved out of the keychain has its old
     * item deleted when the keychain answers (else the outcome warns).
     *
     * @throws KeychainUnavailableException when the keychain is required but does not answer
     */
    public StoreOutcome store(Credential credential, String value, SecretBackend where) throws SecretException {
        SecretBackend target = where != null ? where : status().target();
        Optional<VaultEntry> before = entry(credential.name());
        if (target == SecretBackend.KEYCHAIN) {
            Keychain k = requireKeychain("the credential backend is the OS keychain");
            k.store(keychainId(true), credential.name(), value);
            try {
                file.putHeldInKeychain(credential);
            } catch (SecretException e) {
                try {
                    k.delete(keychainId(false), credential.name());
                } catch (SecretException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            return new StoreOutcome(target, Optional.empty());
        }
        file.put(credential, value);
        if (before.isPresent() && before.get().heldIn() == SecretBackend.KEYCHAIN) {
            try {
                requireKeychain("removing the old keychain item").delete(keychainId(false), credential.name());
            } catch (KeychainUnavailableException e) {
                return new StoreOutcome(target, Optional.of("the old value of '" + credential.name()
                        + "' stays in the OS keychain (" + e.getMessage() + "); delete it there if you wish"));
            }
        }
        return new StoreOutcome(target, Optional.empty());
    }

    /**
     * Moves every value not yet in {@code target} there, one credential at a time: the new copy is
     * written before the old one is dropped, so a failure part-way leaves each credential readable
     * in one place or the other.
     *
     * @return the names moved
     * @throws SecretException when a value cannot be read or written (the ones before it are moved)
     */
    public List<String> moveAll(SecretBackend target) throws SecretException {
        List<String> moved = new ArrayList<>();
        for (VaultEntry e : entries()) {
            if (e.heldIn() != target) {
                String name = e.credential().name();
                String v = value(name).orElseThrow(() -> new SecretException("credential '" + name + "' vanished"));
                store(e.credential(), v, target);
                moved.add(name);
            }
        }
        return moved;
    }

    @Override
    public List<Credential> list() throws SecretException {
        return file.list();
    }

    /** @return every credential with where its value is held */
    public List<VaultEntry> entries() throws SecretException {
        List<VaultEntry> out = new ArrayList<>();
        for (EncryptedFileSecretStore.Entry e : file.load().values()) {
            out.add(new VaultEntry(e.credential(), e.heldIn()));
        }
        return out;
    }

    private Optional<VaultEntry> entry(String name) throws SecretException {
        return entries().stream().filter(e -> e.credential().name().equals(name)).findFirst();
    }

    @Override
    public Optional<String> value(String name) throws SecretException {
        EncryptedFileSecretStore.Entry e = file.load().get(name);
        if (e == null) {
            return Optional.empty();
        }
        if (e.heldIn() == SecretBackend.FILE) {
            return Optional.of(e.value());
        }
        Keychain k = requireKeychain("credential '" + name + "' is held in the OS keychain");
        String v = reading(name, () -> k.values(keychainId(false), List.of(name), true)).get(name);
        if (v == null) {
            throw new SecretException("credential '" + name + "' is listed but the OS keychain has no value for it"
                    + " (deleted outside Cofferdam?): store it again with `cofferdam secret set " + name + "`");
        }
        return Optional.of(v);
    }

    @Override
    public boolean remove(String name) throws SecretException {
        return remove(name, false);
    }

    /**
     * @param forget drop the entry even when its keychain item cannot be deleted (the item stays)
     * @return whether a credential was removed
     */
    public boolean remove(String name, boolean forget) throws SecretException {
        Optional<VaultEntry> e = entry(name);
        if (e.isEmpty()) {
            return false;
        }
        if (e.get().heldIn() == SecretBackend.KEYCHAIN && !forget) {
            Keychain k = requireKeychain("credential '" + name + "' is held in the OS keychain");
            reading(name, () -> k.delete(keychainId(false), name));
        }
        return file.remove(name);
    }

    /**
     * Every credential whose value can be read without asking the user (the proxy never prompts).
     *
     * @param problems receives one line per credential that cannot be read now
     * @return credential to value
     */
    public Map<Credential, String> injectable(Consumer<String> problems) throws SecretException {
        Map<Credential, String> out = new LinkedHashMap<>();
        List<Credential> inKeychain = new ArrayList<>();
        for (EncryptedFileSecretStore.Entry e : file.load().values()) {
            if (e.heldIn() == SecretBackend.FILE) {
                out.put(e.credential(), e.value());
            } else {
                inKeychain.add(e.credential());
            }
        }
        if (inKeychain.isEmpty()) {
            return out;
        }
        List<String> names = inKeychain.stream().map(Credential::name).toList();
        try {
            Keychain k = requireKeychain("credential(s) " + String.join(", ", names)
                    + " are held in the OS keychain");
            Map<String, String> values = k.values(keychainId(false), names, false);
            for (Credential c : inKeychain) {
                String v = values.get(c.name());
                if (v == null) {
                    problems.accept("the OS keychain has no value for credential '" + c.name() + "'");
                } else {
                    out.put(c, v);
                }
            }
        } catch (KeychainUnavailableException e) {
            problems.accept(e.getMessage());
        }
        return out;
    }

    /** @return the modification time of the vault file ({@code null} when absent): changes on every write */
    public FileTime stamp() throws IOException {
        return Files.exists(file.vaultFile()) ? Files.getLastModifiedTime(file.vaultFile()) : null;
    }

    private Keychain requireKeychain(String why) throws KeychainUnavailableException {
        if (keychain == null) {
            throw new KeychainUnavailableException(why + ", but there is no session bus (DBUS_SESSION_BUS_ADDRESS is"
                    + " not set): run Cofferdam inside your desktop session, or choose the file with"
                    + " `cofferdam secret backend file` and store the credential again");
        }
        return keychain;
    }

    private <T> T reading(String name, KeychainCall<T> call) throws SecretException {
        try {
            return call.run();
        } catch (KeychainUnavailableException e) {
            throw new KeychainUnavailableException(e.getMessage() + ". Credential '" + name + "' is held there:"
                    + " unlock or start your keyring and retry, or store it again in the encrypted file with"
                    + " `cofferdam secret set " + name + " --backend file`", e);
        }
    }

    private String keychainId(boolean create) throws SecretException {
        return KeychainId.of(configDir, create);
    }

    @FunctionalInterface
    private interface KeychainCall<T> {
        T run() throws SecretException;
    }
}
