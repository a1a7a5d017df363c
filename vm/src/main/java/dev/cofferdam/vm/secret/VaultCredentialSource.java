package dev.cofferdam.vm.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CredentialSource} over an {@link EncryptedFileSecretStore}, re-read when the vault file
 * changes. A vault that cannot be read yields no credentials (logged): placeholders then reach
 * nobody's real secret. Thread-safe.
 */
public final class VaultCredentialSource implements CredentialSource {
    private static final Logger LOG = LoggerFactory.getLogger(VaultCredentialSource.class);
    private final EncryptedFileSecretStore store;
    private volatile Map<String, List<BoundSecret>> byHost = Map.of();
    private volatile FileTime loaded;

    public VaultCredentialSource(EncryptedFileSecretStore store) {
        this.store = store;
    }

    @Override
    public List<BoundSecret> forHost(String host) {
        refresh();
        return byHost.getOrDefault(host, List.of());
    }

    private synchronized void refresh() {
        try {
            FileTime t = Files.exists(store.vaultFile()) ? Files.getLastModifiedTime(store.vaultFile()) : null;
            if (t == null ? loaded == null && byHost.isEmpty() : t.equals(loaded)) {
                return;
            }
            Map<String, List<BoundSecret>> map = new HashMap<>();
            if (t != null) {
                for (EncryptedFileSecretStore.Entry e : store.load().values()) {
                    Credential c = e.credential();
                    for (String h : c.hosts()) {
                        map.computeIfAbsent(h, k -> new ArrayList<>())
                                .add(new BoundSecret(c.name(), c.placeholder(), e.value()));
                    }
                }
            }
            byHost = Map.copyOf(map);
            loaded = t;
        } catch (IOException | SecretException e) {
            LOG.error("credential vault cannot be read; no credential will be injected: {}", e.getMessage());
            byHost = Map.of();
        }
    }
}
