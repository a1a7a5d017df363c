package dev.cofferdam.vm.egress;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A resolver with fixed answers for some names ({@code name=127.0.0.1}), for tests and
 * split-horizon networks; other names go to a fallback. The answers are addresses only: an
 * override never bypasses the policy, so an override to a loopback or private address is still
 * denied unless the user has an exact IP:port allow rule for it. Immutable and thread-safe.
 */
public final class OverrideResolver implements Resolver {
    private final Map<String, List<InetAddress>> answers;
    private final Resolver fallback;

    public OverrideResolver(Map<String, List<InetAddress>> answers, Resolver fallback) {
        this.answers = Map.copyOf(answers);
        this.fallback = fallback;
    }

    /**
     * @param specs entries {@code name=ip[,ip...]}; IPs must be literals
     * @param fallback the resolver for every other name
     * @return the resolver
     * @throws IllegalArgumentException for a malformed entry
     */
    public static OverrideResolver parse(List<String> specs, Resolver fallback) {
        Map<String, List<InetAddress>> map = new HashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("resolver override must be name=ip: '" + spec + "'");
            }
            List<InetAddress> addrs = new ArrayList<>();
            for (String ip : spec.substring(eq + 1).split(",")) {
                addrs.add(literal(ip.strip(), spec));
            }
            map.put(canonicalName(spec.substring(0, eq)), addrs);
        }
        return new OverrideResolver(map, fallback);
    }

    @Override
    public List<InetAddress> resolve(String name) throws UnknownHostException {
        List<InetAddress> a = answers.get(canonicalName(name));
        return a != null ? a : fallback.resolve(name);
    }

    @Override
    public List<InetAddress> known(String name) {
        List<InetAddress> a = answers.get(canonicalName(name));
        return a != null ? a : fallback.known(name);
    }

    private static String canonicalName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    private static InetAddress literal(String ip, String spec) {
        boolean literal = !ip.isEmpty()
                && ip.chars().allMatch(c -> c == '.' || c == ':' || Character.digit(c, 16) >= 0);
        if (!literal) {
            throw new IllegalArgumentException("resolver override needs an IP literal: '" + spec + "'");
        }
        try {
            return InetAddress.getByName(ip.contains(":") ? "[" + ip + "]" : ip);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("resolver override needs an IP literal: '" + spec + "'", e);
        }
    }
}
