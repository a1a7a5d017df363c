package dev.cofferdam.vm.policy;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's own addresses (every interface), denied in every tier: a guest must not reach a
 * service bound to the host's LAN address through the proxy. Refreshed at most every 30 s.
 * Thread-safe.
 */
public final class LocalAddresses {
    private static final Logger LOG = LoggerFactory.getLogger(LocalAddresses.class);
    private static final long REFRESH_NANOS = 30_000_000_000L;
    private static volatile Set<InetAddress> cached = Set.of();
    private static volatile long loadedAt = Long.MIN_VALUE / 2;

    private LocalAddresses() {
    }

    /** @return whether {@code a} is one of this host's interface addresses */
    public static boolean isLocal(InetAddress a) {
        long now = System.nanoTime();
        if (now - loadedAt > REFRESH_NANOS) {
            cached = load();
            loadedAt = now;
        }
        return cached.contains(a);
    }

    private static Set<InetAddress> load() {
        Set<InetAddress> out = new HashSet<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    out.add(stripScope(a));
                }
            }
        } catch (SocketException e) {
            LOG.warn("cannot list the host's interface addresses", e);
        }
        return Set.copyOf(out);
    }

    private static InetAddress stripScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
