package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.Decision;
import dev.cofferdam.vm.policy.Policy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blocking half of a decision: resolve an allowed name, check every resolved address
 * (DNS rebinding), and write the record to the egress log. Lookups run on the blocking executor;
 * decisions that need none ({@link #resolveKnown}) and their log writes may run on an event loop.
 * Stateless apart from the context; thread-safe.
 */
final class Gate {
    private static final Logger LOG = LoggerFactory.getLogger(Gate.class);

    /**
     * @param decision the final decision
     * @param address  the checked address to dial when allowed and resolved, else {@code null}
     * @param status   0 to proceed, else the status to answer
     * @param message  the message for the answer
     * @param record   the stored record, or {@code null} when the log could not be written
     */
    record Outcome(Decision decision, InetAddress address, int status, String message, EgressRecord record) {
    }

    private final ProxyContext pc;

    Gate(ProxyContext pc) {
        this.pc = pc;
    }

    /** Resolves and checks; no logging. May block on DNS. */
    Outcome resolve(Policy policy, RequestTarget t, Decision byName) {
        Outcome quick = resolveKnown(policy, t, byName);
        if (quick != null) {
            return quick;
        }
        List<InetAddress> all;
        try {
            all = pc.settings().resolver().resolve(t.host().text());
        } catch (UnknownHostException e) {
            return new Outcome(byName, null, 502, "cannot resolve " + t.host().text(), null);
        }
        return check(policy, t, byName, all);
    }

    /**
     * Decides without a lookup when that is possible: a denial by name, an IP literal, or a name
     * with fixed answers ({@link Resolver#known}). Safe on an event loop.
     *
     * @return the outcome, or {@code null} when only a DNS lookup can tell
     */
    Outcome resolveKnown(Policy policy, RequestTarget t, Decision byName) {
        if (!byName.allowed()) {
            return new Outcome(byName, null, 403, "denied: " + byName.reason(), null);
        }
        if (t.host().isAddress()) {
            return new Outcome(byName, t.host().address(), 0, "", null);
        }
        List<InetAddress> known = pc.settings().resolver().known(t.host().text());
        return known == null || known.isEmpty() ? null : check(policy, t, byName, known);
    }

    private static Outcome check(Policy policy, RequestTarget t, Decision byName, List<InetAddress> all) {
        for (InetAddress a : all) {
            Optional<Decision> bad = policy.checkResolved(t.host().text(), a, t.port());
            if (bad.isPresent()) {
                return new Outcome(bad.get(), null, 403, "denied: " + bad.get().reason(), null);
            }
        }
        return new Outcome(byName, all.get(0), 0, "", null);
    }

    /**
     * Writes the record; when the log cannot be written, the outcome becomes a 503 deny.
     *
     * @param draft the record to store (id 0)
     */
    Outcome log(Outcome o, EgressRecord draft) {
        try {
            return new Outcome(o.decision(), o.address(), o.status(), o.message(), pc.log().append(draft));
        } catch (EgressLogException e) {
            LOG.error("egress log cannot be written; denying {} {}:{} (fail closed): {}", draft.method(),
                    draft.host(), draft.port(), e.getMessage());
            return new Outcome(Decision.deny("log-unavailable", e.getMessage()), null, 503,
                    "egress log cannot be written, request denied (fail closed)", null);
        }
    }

    /** Completes a stored record; failures are logged (the exchange is over). */
    void complete(EgressRecord r, EgressCompletion c) {
        if (r == null) {
            return;
        }
        pc.blocking().execute(() -> {
            try {
                pc.log().complete(r, c);
            } catch (EgressLogException e) {
                LOG.error("cannot complete egress record {}: {}", r.id(), e.getMessage());
            }
        });
    }

    /** @return a draft record for this listener */
    EgressRecord draft(String client, String method, String host, int port, String path, String serverName,
            Decision d, int status) {
        return new EgressRecord(0, Instant.now(), pc.sandbox(), client, method, host, port, path,
                serverName == null ? "" : serverName, d.verdict(), d.rule(), d.reason(), status, 0, 0, 0, "");
    }
}
