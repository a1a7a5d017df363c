package dev.cofferdam.app.ui.open;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecentRepositoriesTest {
    private final Preferences node = Preferences.userRoot().node("dev/cofferdam/test/recent-" + ProcessHandle.current().pid());

    @AfterEach
    void remove() throws Exception {
        node.removeNode();
    }

    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() {
        RecentRepositories recent = new RecentRepositories(node);
        for (int i = 0; i < 10; i++) {
            recent.add(Path.of("/repos/r" + i));
        }
        recent.add(Path.of("/repos/r5/../r5"));
        assertThat(recent.list()).hasSize(8);
        assertThat(recent.list().get(0)).isEqualTo(Path.of("/repos/r5"));
        assertThat(recent.list().get(1)).isEqualTo(Path.of("/repos/r9"));
        assertThat(new RecentRepositories(node).list()).isEqualTo(recent.list());
    }

    @Test
    void theCallerNeverWaitsForTheDiskWrite() throws Exception {
        List<Runnable> pending = new ArrayList<>();
        RecentRepositories recent = new RecentRepositories(node, pending::add);
        recent.add(Path.of("/repos/a"));
        // the entry is there at once; the flush to disk is queued for the background thread
        assertThat(recent.list()).containsExactly(Path.of("/repos/a"));
        assertThat(pending).hasSize(1);
        pending.get(0).run();
        assertThat(new RecentRepositories(node).list()).containsExactly(Path.of("/repos/a"));
    }

    @Test
    void windowSettingsRoundTrip() {
        WindowPrefs prefs = new WindowPrefs(node);
        assertThat(prefs.width()).isEqualTo(1280);
        prefs.save(1000, 700, true);
        assertThat(new WindowPrefs(node).height()).isEqualTo(700);
        assertThat(new WindowPrefs(node).dark()).isTrue();
    }
}
