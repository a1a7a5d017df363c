package dev.cofferdam.vm.secret.dbus;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.Position;

/** Reply of {@code CreateItem}: the item ({@code /} when a prompt is needed first) and the prompt. */
public final class PathPair extends Tuple {
    @Position(0)
    private final DBusPath item;
    @Position(1)
    private final DBusPath prompt;

    public PathPair(DBusPath item, DBusPath prompt) {
        this.item = item;
        this.prompt = prompt;
    }

    public DBusPath item() {
        return item;
    }

    public DBusPath prompt() {
        return prompt;
    }
}
