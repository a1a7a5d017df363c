package dev.cofferdam.vm.secret.dbus;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.Position;

/** Reply of {@code Unlock}/{@code Lock}: the objects done at once, and a prompt ({@code /} for none). */
public final class PathsAndPrompt extends Tuple {
    @Position(0)
    private final List<DBusPath> done;
    @Position(1)
    private final DBusPath prompt;

    public PathsAndPrompt(List<DBusPath> done, DBusPath prompt) {
        this.done = done;
        this.prompt = prompt;
    }

    public List<DBusPath> done() {
        return done;
    }

    public DBusPath prompt() {
        return prompt;
    }
}
