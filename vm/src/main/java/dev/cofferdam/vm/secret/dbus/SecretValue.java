package dev.cofferdam.vm.secret.dbus;

import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.Struct;
import org.freedesktop.dbus.annotations.Position;

/** The Secret struct {@code (oayays)}: session, algorithm parameters, (encrypted) value, content type. */
public final class SecretValue extends Struct {
    @Position(0)
    private final DBusPath session;
    @Position(1)
    private final byte[] parameters;
    @Position(2)
    private final byte[] value;
    @Position(3)
    private final String contentType;

    public SecretValue(DBusPath session, byte[] parameters, byte[] value, String contentType) {
        this.session = session;
        this.parameters = parameters;
        this.value = value;
        this.contentType = contentType;
    }

    public DBusPath session() {
        return session;
    }

    public byte[] parameters() {
        return parameters;
    }

    public byte[] value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }
}
