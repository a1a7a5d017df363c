package dev.cofferdam.app.ui.open;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Window size and theme, remembered between runs in a {@link Preferences} node. FX thread only. */
public final class WindowPrefs {
    private static final Logger LOG = LoggerFactory.getLogger(WindowPrefs.class);

    private final Preferences node;

    public WindowPrefs(Preferences node) {
        this.node = node;
    }

    public double width() {
        return node.getDouble("window.width", 1280);
    }

    public double height() {
        return node.getDouble("window.height", 800);
    }

    public boolean dark() {
        return node.getBoolean("theme.dark", false);
    }

    public void save(double width, double height, boolean dark) {
        node.putDouble("window.width", width);
        node.putDouble("window.height", height);
        node.putBoolean("theme.dark", dark);
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.warn("cannot save the window settings", e);
        }
    }
}
