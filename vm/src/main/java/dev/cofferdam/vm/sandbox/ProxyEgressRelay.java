package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.egress.EgressProxyException;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.ProxyListener;
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.SecretException;
import dev.cofferdam.vm.secret.SecretStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production egress relay: each sandbox gets a Unix socket at {@code run/egress.sock} (a
 * fixed path, so a re-adopted guest's relay finds the new process) whose connections are piped
 * to that sandbox's own listener of the {@link EgressRuntime} proxy. Policy, logging and
 * credential injection happen there. A socket a live process already serves is left to it.
 * Guests get the credential placeholders and the interception CA. Thread-safe.
 */
public final class ProxyEgressRelay implements EgressRelay, AutoCloseable {
    /** Where the CA certificate goes in the guest; {@code NODE_EXTRA_CA_CERTS} points at it. */
    public static final String GUEST_CA_FILE = GuestTrust.CA_FILE;
    /** The guest's system roots plus the CA; {@code SSL_CERT_FILE} and its kin point at it. */
    public static final String GUEST_CA_BUNDLE = GuestTrust.BUNDLE_FILE;
    private static final Logger LOG = LoggerFactory.getLogger(ProxyEgressRelay.class);

    private record Served(ServerSocketChannel socket, Path path, ProxyListener listener) {
    }

    private final EgressRuntime runtime;
    private final SecretStore secrets;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    /**
     * @param runtime the egress proxy, policy and log (owned by the caller)
     * @param secrets the vault whose placeholders the guests see (only metadata is read, never values)
     */
    public ProxyEgressRelay(EgressRuntime runtime, SecretStore secrets) {
        this.runtime = runtime;
        this.secrets = secrets;
    }

    @Override
    public String endpoint(String sandbox, Path runDir) throws IOException {
        release(sandbox);
        Path sock = EgressSockets.path(runDir);
        String endpoint = "unix:" + sock;
        if (EgressSockets.answers(sock)) {
            LOG.debug("sandbox {}: egress socket served by another process", sandbox);
            return endpoint;
        }
        ProxyListener listener;
        try {
            listener = runtime.start(sandbox);
        } catch (EgressProxyException e) {
            throw new IOException("egress proxy for " + sandbox + " did not start: " + e.getMessage(), e);
        }
        ServerSocketChannel server;
        try {
            server = EgressSockets.bind(sock);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        served.put(sandbox, new Served(server, sock, listener));
        Thread t = new Thread(() -> accept(sandbox, server, listener.port()), "egress-relay-" + sandbox);
        t.setDaemon(true);
        t.start();
        LOG.debug("sandbox {}: egress socket {} -> proxy port {}", sandbox, sock, listener.port());
        return endpoint;
    }

    private void accept(String sandbox, ServerSocketChannel server, int port) {
        while (server.isOpen()) {
            SocketChannel guest;
            try {
                guest = server.accept();
            } catch (IOException e) {
                return;
            }
            try {
                SocketChannel proxy = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                EgressPump.start(sandbox, guest, proxy);
            } catch (IOException e) {
                LOG.warn("sandbox {}: egress proxy not reachable, connection dropped: {}", sandbox, e.getMessage());
                try {
                    guest.close();
                } catch (IOException ignored) {
                    // already failing; the guest sees the connection end
                }
            }
        }
    }

    @Override
    public void release(String sandbox) {
        Served s = served.remove(sandbox);
        if (s != null) {
            try {
                s.socket().close();
                Files.deleteIfExists(s.path());
            } catch (IOException e) {
                LOG.debug("closing egress socket of {}", sandbox, e);
            }
            s.listener().close();
        }
    }

    @Override
    public boolean servesHere(String sandbox) {
        return served.containsKey(sandbox);
    }

    /** Placeholders of every stored credential ({@code ENV_VAR=placeholder}) and the CA paths. */
    @Override
    public Map<String, String> guestEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (Credential c : secrets.list()) {
                env.put(c.envVar(), c.placeholder());
            }
        } catch (SecretException e) {
            LOG.warn("credential placeholders not set in the guest: {}", e.getMessage());
        }
        env.putAll(GuestTrust.environment());
        return env;
    }

    /** Builds the guest's CA bundle (system roots plus the interception CA) from the installed CA. */
    @Override
    public List<String> guestSetup() {
        return GuestTrust.bundleCommand();
    }

    @Override
    public Map<String, String> guestFiles() {
        try {
            return Map.of(GUEST_CA_FILE, runtime.ca().pem());
        } catch (SecretException e) {
            LOG.warn("interception CA not installed in the guest: {}", e.getMessage());
            return Map.of();
        }
    }

    /** Releases every sandbox's socket and listener (the runtime stays open). */
    @Override
    public void close() {
        served.keySet().forEach(this::release);
    }
}
