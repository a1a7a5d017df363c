package dev.cofferdam.vm.secret;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials in an AES-256-GCM encrypted file ({@code secrets/vault.enc}) with its key in
 * {@code secrets/vault.key}; both 0600, the directory 0700. Every write re-encrypts with a fresh
 * nonce and replaces the file atomically. An entry whose value the OS keychain holds keeps only its
 * metadata here (hosts, variable, placeholder; see {@link CredentialVault}). Thread-safe (methods
 * synchronize on the store).
 */
public final class EncryptedFileSecretStore implements SecretStore {
    private static final byte[] MAGIC = "CDV1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "cofferdam-vault-v1".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    /** @param configDir the Cofferdam config directory */
    public EncryptedFileSecretStore(Path configDir) {
        this.dir = configDir.resolve("secrets");
    }

    /** @return the encrypted vault file */
    public Path vaultFile() {
        return dir.resolve("vault.enc");
    }

    /** @return the key file */
    public Path keyFile() {
        return dir.resolve("vault.key");
    }

    @Override
    public synchronized void put(Credential c, String value) throws SecretException {
        Map<String, Entry> all = load();
        all.put(c.name(), new Entry(c, value, SecretBackend.FILE));
        save(all);
    }

    /** Stores a credential's metadata only: the OS keychain holds its value. */
    synchronized void putHeldInKeychain(Credential c) throws SecretException {
        Map<String, Entry> all = load();
        all.put(c.name(), new Entry(c, null, SecretBackend.KEYCHAIN));
        save(all);
    }

    @Override
    public synchronized List<Credential> list() throws SecretException {
        List<Credential> out = new ArrayList<>();
        load().values().forEach(e -> out.add(e.credential()));
        return out;
    }

    @Override
    public synchronized Optional<String> value(String name) throws SecretException {
        Entry e = load().get(name);
        if (e != null && e.heldIn() == SecretBackend.KEYCHAIN) {
            throw new SecretException("the value of credential '" + name + "' is held in the OS keychain, not in "
                    + vaultFile());
        }
        return e == null ? Optional.empty() : Optional.of(e.value());
    }

    @Override
    public synchronized boolean remove(String name) throws SecretException {
        Map<String, Entry> all = load();
        if (all.remove(name) == null) {
            return false;
        }
        save(all);
        return true;
    }

    /** @return every credential with its value (for the proxy) */
    synchronized Map<String, Entry> load() throws SecretException {
        Map<String, Entry> out = new LinkedHashMap<>();
        if (!Files.exists(vaultFile())) {
            return out;
        }
        try {
            byte[] data = Files.readAllBytes(vaultFile());
            if (data.length < MAGIC.length + 12 + 16 || !Arrays.equals(Arrays.copyOf(data, 4), MAGIC)) {
                throw new SecretException("the credential vault " + vaultFile() + " is not a Cofferdam vault");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(128, data, 4, 12));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(data, 16, data.length - 16);
            for (JsonNode n : JSON.readTree(plain).path("credentials")) {
                List<String> hosts = new ArrayList<>();
                n.path("hosts").forEach(h -> hosts.add(h.asText()));
                Credential c = new Credential(n.path("name").asText(), hosts, n.path("envVar").asText(),
                        n.path("placeholder").asText());
                boolean keychain = SecretBackend.KEYCHAIN.id().equals(n.path("held").asText());
                out.put(c.name(), keychain ? new Entry(c, null, SecretBackend.KEYCHAIN)
                        : new Entry(c, n.path("value").asText(), SecretBackend.FILE));
            }
            return out;
        } catch (IOException e) {
            throw new SecretException("cannot read the credential vault " + vaultFile() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot decrypt the credential vault " + vaultFile()
                    + " (wrong key or tampered file)", e);
        }
    }

    private void save(Map<String, Entry> all) throws SecretException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        ArrayNode arr = root.putArray("credentials");
        for (Entry e : all.values()) {
            ObjectNode n = arr.addObject();
            n.put("name", e.credential().name());
            e.credential().hosts().forEach(n.putArray("hosts")::add);
            n.put("envVar", e.credential().envVar());
            n.put("placeholder", e.credential().placeholder());
            if (e.heldIn() == SecretBackend.KEYCHAIN) {
                n.put("held", SecretBackend.KEYCHAIN.id());
            } else {
                n.put("value", e.value());
            }
        }
        try {
            byte[] plain = JSON.writeValueAsBytes(root);
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(128, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain);
            Arrays.fill(plain, (byte) 0);
            ByteBuffer out = ByteBuffer.allocate(4 + 12 + sealed.length).put(MAGIC).put(iv).put(sealed);
            writePrivate(vaultFile(), out.array());
        } catch (IOException e) {
            throw new SecretException("cannot write the credential vault " + vaultFile() + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot encrypt the credential vault: " + e.getMessage(), e);
        }
    }

    private SecretKeySpec key(boolean create) throws IOException, SecretException {
        Path f = keyFile();
        if (!Files.exists(f)) {
            if (!create) {
                throw new SecretException("the credential vault key " + f + " is missing");
            }
            byte[] k = new byte[32];
            RANDOM.nextBytes(k);
            writePrivate(f, k);
        }
        byte[] k = Files.readAllBytes(f);
        if (k.length != 32) {
            throw new SecretException("the credential vault key " + f + " is damaged");
        }
        return new SecretKeySpec(k, "AES");
    }

    private void writePrivate(Path f, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path tmp = Files.createTempFile(dir, ".tmp", "", PosixFilePermissions.asFileAttribute(OWNER_RW));
        Files.write(tmp, bytes);
        Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(f, OWNER_RW);
    }

    /** A credential with its value ({@code null} when {@code heldIn} is the keychain). */
    record Entry(Credential credential, String value, SecretBackend heldIn) {
    }
}
