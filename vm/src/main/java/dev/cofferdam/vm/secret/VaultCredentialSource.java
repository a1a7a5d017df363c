package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CredentialSource} over a {@link CredentialVault}, re-read when the vault file changes,
 * and, while some credential could not be read (keychain locked or gone), again at most every
 * {@value #RETRY_MILLIS} ms. Values are read without prompting: the proxy's threads never wait
 * for a person. A credential that cannot be read is not injected (logged): its placeholder then
 * reaches nobody's real secret. Thread-safe.
 */
public final class VaultCredentialSource implements CredentialSource {
    static final long RETRY_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(VaultCredentialSource.class);
    private final CredentialVault vault;
    private volatile Map<String, List<BoundSecret>> byHost = Map.of();
    private FileTime loaded;
    private boolean everLoaded;
    private long retryAfter;

    public VaultCredentialSource(CredentialVault vault) {
        this.vault = vault;
    }

    /** A source over the encrypted file alone (credentials held in a keychain are not injected). */
    public VaultCredentialSource(EncryptedFileSecretStore store) {
        this(new CredentialVault(configDirOf(store), null, BackendSetting.FILE));
    }

    private static Path configDirOf(EncryptedFileSecretStore store) {
        return store.vaultFile().getParent().getParent();
    }

    @Override
    public List<BoundSecret> forHost(String host) {
        refresh();
        return byHost.getOrDefault(host, List.of());
    }

    private synchronized void refresh() {
        try {
            FileTime t = vault.stamp();
            boolean retry = retryAfter != 0 && System.nanoTime() - retryAfter >= 0;
            if (everLoaded && Objects.equals(t, loaded) && !retry) {
                return;
            }
            List<String> problems = new ArrayList<>();
            Map<String, List<BoundSecret>> map = new HashMap<>();
            if (t != null) {
                vault.injectable(problems::add).forEach((c, value) -> {
                    for (String h : c.hosts()) {
                        map.computeIfAbsent(h, k -> new ArrayList<>()).add(new BoundSecret(c.name(), c.placeholder(), value));
                    }
                });
            }
            problems.forEach(p -> LOG.error("credential not injected: {}", p));
            retryAfter = problems.isEmpty() ? 0 : nonZero(System.nanoTime() + RETRY_MILLIS * 1_000_000);
            byHost = Map.copyOf(map);
            loaded = t;
            everLoaded = true;
        } catch (IOException | SecretException e) {
            LOG.error("credential vault cannot be read; no credential will be injected: {}", e.getMessage());
            byHost = Map.of();
            retryAfter = nonZero(System.nanoTime() + RETRY_MILLIS * 1_000_000);
        }
    }

    private static long nonZero(long t) {
        return t == 0 ? 1 : t;
    }
}
