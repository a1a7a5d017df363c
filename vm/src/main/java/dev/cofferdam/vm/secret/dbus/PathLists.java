package dev.cofferdam.vm.secret.dbus;

import java.util.List;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.Position;

/** Reply of {@code SearchItems}: unlocked and locked items. */
public final class PathLists extends Tuple {
    @Position(0)
    private final List<DBusPath> unlocked;
    @Position(1)
    private final List<DBusPath> locked;

    public PathLists(List<DBusPath> unlocked, List<DBusPath> locked) {
        this.unlocked = unlocked;
        this.locked = locked;
    }

    public List<DBusPath> unlocked() {
        return unlocked;
    }

    public List<DBusPath> locked() {
        return locked;
    }
}
