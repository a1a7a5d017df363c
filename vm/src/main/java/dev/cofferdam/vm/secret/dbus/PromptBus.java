package dev.cofferdam.vm.secret.dbus;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.annotations.DBusMemberName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.Variant;

/** {@code org.freedesktop.Secret.Prompt}: the user confirms (unlocks) in the desktop's own dialog. */
@DBusInterfaceName("org.freedesktop.Secret.Prompt")
public interface PromptBus extends DBusInterface {

    @DBusMemberName("Prompt")
    void prompt(String windowId);

    /** Sent when the user answered (or dismissed) the prompt. */
    @DBusMemberName("Completed")
    class Completed extends DBusSignal {
        private final boolean dismissed;

        public Completed(String path, boolean dismissed, Variant<?> result) throws DBusException {
            super(path, dismissed, result);
            this.dismissed = dismissed;
        }

        /** @return whether the user dismissed the prompt */
        public boolean dismissed() {
            return dismissed;
        }
    }
}
