package dev.cofferdam.vm.secret.dbus;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Tuple;
import org.freedesktop.dbus.annotations.Position;
import org.freedesktop.dbus.types.Variant;

/** Reply of {@code OpenSession}: the algorithm output and the session path. */
public final class SessionOpened extends Tuple {
    @Position(0)
    private final Variant<?> output;
    @Position(1)
    private final DBusPath session;

    public SessionOpened(Variant<?> output, DBusPath session) {
        this.output = output;
        this.session = session;
    }

    public Variant<?> output() {
        return output;
    }

    public DBusPath session() {
        return session;
    }
}
