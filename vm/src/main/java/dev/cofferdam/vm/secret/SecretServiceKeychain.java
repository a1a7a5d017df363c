package dev.cofferdam.vm.secret;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.freedesktop.dbus.DBusPath;

/**
 * The OS keychain through the freedesktop.org Secret Service API (GNOME Keyring, KWallet,
 * KeePassXC...) on the user's session bus. Each item carries the attributes
 * {@code application=cofferdam}, {@code vault=ID} and {@code service=NAME}, lands in the default
 * collection, and travels encrypted ({@link KeychainSession}). Every call opens its own bus
 * connection and closes it. Thread-safe.
 */
public final class SecretServiceKeychain implements Keychain {
    /** The attribute every Cofferdam item carries. */
    public static final String APPLICATION = "cofferdam";
    private final String address;
    private final Duration promptWait;

    /**
     * @param address    a D-Bus address ({@code unix:path=...})
     * @param promptWait how long to wait for the user to answer an unlock prompt
     */
    public SecretServiceKeychain(String address, Duration promptWait) {
        this.address = address;
        this.promptWait = promptWait;
    }

    /**
     * @return the keychain on {@code DBUS_SESSION_BUS_ADDRESS} (the system property
     *         {@code cofferdam.dbus.address} wins, for tests), if that is set
     */
    public static Optional<SecretServiceKeychain> fromEnvironment() {
        String a = System.getProperty("cofferdam.dbus.address", System.getenv("DBUS_SESSION_BUS_ADDRESS"));
        return a == null || a.isBlank() ? Optional.empty()
                : Optional.of(new SecretServiceKeychain(a.strip(), Duration.ofMinutes(2)));
    }

    @Override
    public String describe() {
        return "Secret Service on " + address.replaceAll(",guid=[0-9a-f]+", "");
    }

    @Override
    public void probe() throws KeychainUnavailableException {
        try (SecretServiceConversation c = SecretServiceConversation.open(address, promptWait)) {
            c.defaultCollection();
        }
    }

    @Override
    public void store(String vault, String name, String value) throws SecretException {
        try (SecretServiceConversation c = SecretServiceConversation.open(address, promptWait)) {
            DBusPath collection = c.defaultCollection();
            c.unlock(List.of(collection), true);
            c.create(collection, "Cofferdam credential " + name, attributes(vault, name), value);
        }
    }

    @Override
    public Map<String, String> values(String vault, Collection<String> names, boolean mayPrompt)
            throws SecretException {
        Map<String, String> out = new LinkedHashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        try (SecretServiceConversation c = SecretServiceConversation.open(address, promptWait)) {
            Map<String, String> nameByPath = new LinkedHashMap<>();
            List<DBusPath> items = new ArrayList<>();
            for (String name : names) {
                for (DBusPath item : c.search(attributes(vault, name), mayPrompt)) {
                    items.add(item);
                    nameByPath.put(item.getPath(), name);
                }
            }
            c.secrets(items).forEach((path, value) -> out.put(nameByPath.get(path), value));
        }
        return out;
    }

    @Override
    public boolean delete(String vault, String name) throws SecretException {
        try (SecretServiceConversation c = SecretServiceConversation.open(address, promptWait)) {
            List<DBusPath> items = c.search(attributes(vault, name), true);
            for (DBusPath item : items) {
                c.delete(item);
            }
            return !items.isEmpty();
        }
    }

    static Map<String, String> attributes(String vault, String name) {
        return Map.of("application", APPLICATION, "vault", vault, "service", name);
    }
}
