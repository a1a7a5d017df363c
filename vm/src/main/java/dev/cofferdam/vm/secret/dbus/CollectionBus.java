package dev.cofferdam.vm.secret.dbus;

import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/** {@code org.freedesktop.Secret.Collection}. */
@DBusInterfaceName("org.freedesktop.Secret.Collection")
public interface CollectionBus extends DBusInterface {
    /** Item property: the label shown in keyring managers. */
    String LABEL = "org.freedesktop.Secret.Item.Label";
    /** Item property: the lookup attributes. */
    String ATTRIBUTES = "org.freedesktop.Secret.Item.Attributes";

    @DBusMemberName("CreateItem")
    PathPair createItem(Map<String, Variant<?>> properties, SecretValue secret, boolean replace);
}
