package dev.cofferdam.vm.secret.dbus;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.interfaces.DBusInterface;

/** {@code org.freedesktop.Secret.Item}. */
@DBusInterfaceName("org.freedesktop.Secret.Item")
public interface ItemBus extends DBusInterface {
    /** @return a prompt path, or {@code /} when none is needed */
    @DBusMemberName("Delete")
    DBusPath delete();
}
