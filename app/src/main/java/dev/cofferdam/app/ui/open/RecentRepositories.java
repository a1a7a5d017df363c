package dev.cofferdam.app.ui.open;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recently opened repositories, newest first, kept in a {@link Preferences} node. The
 * node is written to disk on a background thread: the first write of a run initializes the JDK's
 * XML serializer, which cost the FX thread about 100 ms when it opened a repository. Not
 * thread-safe; use from the FX thread.
 */
public final class RecentRepositories {
    private static final Logger LOG = LoggerFactory.getLogger(RecentRepositories.class);
    private static final int MAX = 8;

    private static final Executor DISK = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "cofferdam-prefs");
        t.setDaemon(true);
        return t;
    });

    private final Preferences node;
    private final Executor disk;

    public RecentRepositories(Preferences node) {
        this(node, DISK);
    }

    /** @param disk where the node is flushed to disk */
    RecentRepositories(Preferences node, Executor disk) {
        this.node = node;
        this.disk = disk;
    }

    public List<Path> list() {
        List<Path> result = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String value = node.get("recent." + i, null);
            if (value != null) {
                result.add(Path.of(value));
            }
        }
        return result;
    }

    /** Puts {@code repository} first, dropping a duplicate and the oldest beyond the limit. */
    public void add(Path repository) {
        Path normal = repository.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(list());
        list.remove(normal);
        list.add(0, normal);
        for (int i = 0; i < MAX; i++) {
            if (i < list.size()) {
                node.put("recent." + i, list.get(i).toString());
            } else {
                node.remove("recent." + i);
            }
        }
        disk.execute(() -> {
            try {
                node.flush();
            } catch (BackingStoreException e) {
                LOG.warn("cannot save the recent repositories", e);
            }
        });
    }
}
