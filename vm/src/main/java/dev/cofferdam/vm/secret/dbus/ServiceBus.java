package dev.cofferdam.vm.secret.dbus;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/** {@code org.freedesktop.Secret.Service} at {@code /org/freedesktop/secrets}. */
@DBusInterfaceName("org.freedesktop.Secret.Service")
public interface ServiceBus extends DBusInterface {
    /** Bus name of the Secret Service. */
    String NAME = "org.freedesktop.secrets";
    /** Object path of the service. */
    String PATH = "/org/freedesktop/secrets";

    @DBusMemberName("OpenSession")
    SessionOpened openSession(String algorithm, Variant<?> input);

    @DBusMemberName("SearchItems")
    PathLists searchItems(Map<String, String> attributes);

    @DBusMemberName("Unlock")
    PathsAndPrompt unlock(List<DBusPath> objects);

    @DBusMemberName("Lock")
    PathsAndPrompt lock(List<DBusPath> objects);

    @DBusMemberName("GetSecrets")
    Map<DBusPath, SecretValue> getSecrets(List<DBusPath> items, DBusPath session);

    @DBusMemberName("ReadAlias")
    DBusPath readAlias(String name);
}
