package dev.cofferdam.vm.secret;

import dev.cofferdam.vm.secret.dbus.CollectionBus;
import dev.cofferdam.vm.secret.dbus.ItemBus;
import dev.cofferdam.vm.secret.dbus.PathLists;
import dev.cofferdam.vm.secret.dbus.PathPair;
import dev.cofferdam.vm.secret.dbus.PathsAndPrompt;
import dev.cofferdam.vm.secret.dbus.PromptBus;
import dev.cofferdam.vm.secret.dbus.SecretValue;
import dev.cofferdam.vm.secret.dbus.ServiceBus;
import dev.cofferdam.vm.secret.dbus.SessionOpened;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.types.Variant;

/**
 * One connection to the Secret Service with an encrypted session: search, unlock (with the
 * desktop's prompt when allowed), create, read and delete items. Every D-Bus failure becomes a
 * {@link KeychainUnavailableException} naming the bus. Not thread-safe; close it after use.
 */
final class SecretServiceConversation implements AutoCloseable {
    private static final String NO_OBJECT = "/";
    private final String where;
    private final DBusConnection bus;
    private final ServiceBus service;
    private final KeychainSession session;
    private final Duration promptWait;

    private SecretServiceConversation(String where, DBusConnection bus, ServiceBus service, KeychainSession session,
            Duration promptWait) {
        this.where = where;
        this.bus = bus;
        this.service = service;
        this.session = session;
        this.promptWait = promptWait;
    }

    /** Connects to the bus and opens an encrypted session with the Secret Service. */
    static SecretServiceConversation open(String address, Duration promptWait) throws KeychainUnavailableException {
        String where = address.replaceAll(",guid=[0-9a-f]+", "");
        DBusConnection bus;
        try {
            bus = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        } catch (LinkageError e) {
            throw new KeychainUnavailableException("the OS keychain cannot be used: this Java runtime lacks what the"
                    + " D-Bus client needs (module jdk.security.auth): " + e.getMessage(), e);
        } catch (DBusException | RuntimeException e) {
            String hint = address.startsWith("unix:abstract=")
                    ? "; Java opens only path sockets, not abstract ones: start the session bus with a unix:path= address"
                    : "";
            throw new KeychainUnavailableException("the OS keychain is not reachable: no session bus at " + where
                    + " (" + reason(e) + ")" + hint, e);
        }
        try {
            ServiceBus service = bus.getRemoteObject(ServiceBus.NAME, ServiceBus.PATH, ServiceBus.class);
            KeychainSession session = KeychainSession.offer();
            SessionOpened opened = service.openSession(KeychainSession.ALGORITHM, new Variant<>(session.publicKey()));
            byte[] servicePublic = bytes(opened.output().getValue());
            if (servicePublic == null || servicePublic.length == 0) {
                throw new KeychainUnavailableException("the Secret Service on " + where
                        + " answered the session offer with " + opened.output().getSig() + ", not a public key");
            }
            session.agree(opened.session(), servicePublic);
            return new SecretServiceConversation(where, bus, service, session, promptWait);
        } catch (DBusException | DBusExecutionException | GeneralSecurityException e) {
            bus.disconnect();
            throw new KeychainUnavailableException("the OS keychain (Secret Service) does not answer on " + where
                    + ": " + reason(e), e);
        } catch (KeychainUnavailableException | RuntimeException e) {
            bus.disconnect();
            throw e;
        }
    }

    /** @return the default collection (normally the login keyring) */
    DBusPath defaultCollection() throws KeychainUnavailableException {
        DBusPath p = call(() -> service.readAlias("default"));
        if (NO_OBJECT.equals(p.getPath())) {
            throw new KeychainUnavailableException("the OS keychain on " + where
                    + " has no default collection: create one (e.g. the login keyring) in your keyring manager");
        }
        return p;
    }

    /** Unlocks the objects; a prompt is shown only when {@code mayPrompt}. */
    void unlock(List<DBusPath> objects, boolean mayPrompt) throws KeychainUnavailableException {
        PathsAndPrompt r = call(() -> service.unlock(objects));
        if (NO_OBJECT.equals(r.prompt().getPath())) {
            return;
        }
        if (!mayPrompt) {
            throw locked("it must be unlocked first");
        }
        if (!await(r.prompt())) {
            throw locked("the unlock prompt was dismissed or not answered");
        }
    }

    /** @return every item with these attributes, unlocked first (asking only when {@code mayPrompt}) */
    List<DBusPath> search(Map<String, String> attributes, boolean mayPrompt) throws KeychainUnavailableException {
        PathLists found = call(() -> service.searchItems(attributes));
        List<DBusPath> all = new ArrayList<>(found.unlocked());
        if (!found.locked().isEmpty()) {
            unlock(found.locked(), mayPrompt);
            all.addAll(found.locked());
        }
        return all;
    }

    /** @return the clear values of the (unlocked) items, by object path */
    Map<String, String> secrets(List<DBusPath> items) throws KeychainUnavailableException {
        Map<String, String> out = new LinkedHashMap<>();
        if (items.isEmpty()) {
            return out;
        }
        Map<DBusPath, SecretValue> sealed = call(() -> service.getSecrets(items, session.path()));
        try {
            for (Map.Entry<DBusPath, SecretValue> e : sealed.entrySet()) {
                out.put(e.getKey().getPath(), session.open(e.getValue()));
            }
        } catch (GeneralSecurityException e) {
            throw new KeychainUnavailableException("cannot decrypt what the OS keychain on " + where + " sent: "
                    + e.getMessage(), e);
        }
        return out;
    }

    /** Creates (or replaces, same attributes) an item in the unlocked collection. */
    void create(DBusPath collection, String label, Map<String, String> attributes, String value)
            throws KeychainUnavailableException {
        SecretValue secret;
        try {
            secret = session.seal(value);
        } catch (GeneralSecurityException e) {
            throw new KeychainUnavailableException("cannot encrypt for the OS keychain: " + e.getMessage(), e);
        }
        Map<String, Variant<?>> props = Map.of(CollectionBus.LABEL, new Variant<>(label),
                CollectionBus.ATTRIBUTES, new Variant<>(attributes, "a{ss}"));
        CollectionBus c = remote(collection, CollectionBus.class);
        PathPair r = call(() -> c.createItem(props, secret, true));
        if (!NO_OBJECT.equals(r.prompt().getPath()) && !await(r.prompt())) {
            throw locked("storing the credential was not confirmed");
        }
    }

    /** Deletes an item. */
    void delete(DBusPath item) throws KeychainUnavailableException {
        ItemBus i = remote(item, ItemBus.class);
        DBusPath prompt = call(i::delete);
        if (!NO_OBJECT.equals(prompt.getPath()) && !await(prompt)) {
            throw locked("deleting the credential was not confirmed");
        }
    }

    /** Locks the objects (tests: a keychain that is locked while in use). */
    void lock(List<DBusPath> objects) throws KeychainUnavailableException {
        call(() -> service.lock(objects));
    }

    /** Shows the prompt and waits for its answer; @return whether it was accepted */
    private boolean await(DBusPath prompt) throws KeychainUnavailableException {
        CompletableFuture<Boolean> answered = new CompletableFuture<>();
        AutoCloseable handler = null;
        try {
            handler = bus.addSigHandler(PromptBus.Completed.class, sig -> {
                if (sig.getPath().equals(prompt.getPath())) {
                    answered.complete(!sig.dismissed());
                }
            });
            PromptBus p = remote(prompt, PromptBus.class);
            call(() -> {
                p.prompt("");
                return null;
            });
            return answered.get(promptWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (KeychainUnavailableException e) {
            throw e;
        } catch (Exception e) {
            throw new KeychainUnavailableException("the OS keychain prompt on " + where + " failed: " + reason(e), e);
        } finally {
            closeQuietly(handler);
        }
    }

    private static void closeQuietly(AutoCloseable handler) {
        if (handler != null) {
            try {
                handler.close();
            } catch (Exception e) {
                // the connection closes right after; the handler goes with it
            }
        }
    }

    private <T extends DBusInterface> T remote(DBusPath path, Class<T> type) throws KeychainUnavailableException {
        try {
            return bus.getRemoteObject(ServiceBus.NAME, path.getPath(), type);
        } catch (DBusException | RuntimeException e) {
            throw unreachable(e);
        }
    }

    private <T> T call(BusCall<T> c) throws KeychainUnavailableException {
        try {
            return c.run();
        } catch (DBusExecutionException e) {
            if (e.getMessage() != null && e.getMessage().contains("IsLocked")) {
                throw locked(reason(e));
            }
            throw unreachable(e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    private KeychainUnavailableException locked(String why) {
        return new KeychainUnavailableException("the OS keychain (Secret Service on " + where + ") is locked: " + why);
    }

    private KeychainUnavailableException unreachable(Exception e) {
        return new KeychainUnavailableException("the OS keychain (Secret Service) does not answer on " + where + ": "
                + reason(e), e);
    }

    /** @return the bytes of an {@code ay} variant value (dbus-java may give an array or a list) */
    private static byte[] bytes(Object value) {
        if (value instanceof byte[] b) {
            return b;
        }
        if (value instanceof Byte[] boxed) {
            return bytes(List.of(boxed));
        }
        if (value instanceof List<?> list && list.stream().allMatch(Byte.class::isInstance)) {
            byte[] out = new byte[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (Byte) list.get(i);
            }
            return out;
        }
        return null;
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        bus.disconnect();
    }

    @FunctionalInterface
    private interface BusCall<T> {
        T run();
    }
}
