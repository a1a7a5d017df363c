package dev.cofferdam.vm.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link PolicySource} over a {@link PolicyStore}: the global file and the sandbox's file are
 * re-read whenever their modification time or size changes (checked on every call, a stat each).
 * No file at all means the default tier, Balanced. A file that cannot be read or parsed makes the
 * sandbox deny everything, logged at ERROR. Thread-safe.
 */
public final class StorePolicySource implements PolicySource {
    private static final Logger LOG = LoggerFactory.getLogger(StorePolicySource.class);

    private record Stamp(long modified, long size, Object key, boolean exists) {
    }

    private record Cached(Stamp stamp, PolicyDocument doc) {
    }

    private final PolicyStore store;
    private final BalancedAllowlist balanced;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    public StorePolicySource(PolicyStore store, BalancedAllowlist balanced) {
        this.store = store;
        this.balanced = balanced;
    }

    /** {@inheritDoc} A {@code null} sandbox gives the global policy alone. */
    @Override
    public Policy policyFor(String sandbox) {
        try {
            PolicyDocument global = document(null);
            PolicyDocument own = sandbox == null ? PolicyDocument.EMPTY : document(sandbox);
            Tier tier = own.tier().orElse(global.tier().orElse(Tier.BALANCED));
            List<Rule> rules = new ArrayList<>(global.rules());
            rules.addAll(own.rules());
            return new Policy(tier, rules, balanced, null);
        } catch (PolicyException | RuntimeException e) {
            LOG.error("policy of sandbox {} cannot be read, denying everything: {}", sandbox, e.getMessage());
            return Policy.denyAll("policy cannot be read, everything denied: " + e.getMessage());
        }
    }

    private PolicyDocument document(String sandbox) throws PolicyException {
        Path f = store.file(sandbox);
        Stamp stamp = stamp(f);
        Cached c = cache.get(f);
        if (c != null && c.stamp().equals(stamp)) {
            return c.doc();
        }
        PolicyDocument doc = stamp.exists() ? store.read(sandbox) : PolicyDocument.EMPTY;
        cache.put(f, new Cached(stamp, doc));
        return doc;
    }

    private static Stamp stamp(Path f) throws PolicyException {
        try {
            BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
            return new Stamp(a.lastModifiedTime().toMillis() * 1_000_000L
                    + a.lastModifiedTime().toInstant().getNano() % 1_000_000, a.size(), a.fileKey(), true);
        } catch (NoSuchFileException e) {
            return new Stamp(0, 0, null, false);
        } catch (IOException e) {
            throw new PolicyException("cannot stat " + f + ": " + e.getMessage(), e);
        }
    }
}
