package dev.cofferdam.vm.egress;

import java.time.Instant;

/**
 * One decision of the egress proxy. Written when the decision is made (before any byte goes
 * upstream) and completed with bytes and duration when the exchange ends. Immutable and
 * thread-safe. Field names are the JSONL export's keys.
 *
 * @param id         the store's id (0 before it is stored)
 * @param time       when the decision was made
 * @param sandbox    the sandbox whose listener received the request
 * @param client     the client's address and port as seen by the proxy
 * @param method     the HTTP method, or {@code CONNECT}
 * @param host       the canonical host decided on (empty when the request had none)
 * @param port       the destination port (0 when unknown)
 * @param path       the request path with any query string replaced by {@code ?<redacted>}; empty for CONNECT
 * @param serverName the TLS server name (SNI) of a CONNECT tunnel, else empty
 * @param decision   {@code allow} or {@code deny}
 * @param rule       the rule that decided, or empty
 * @param reason     a one-line explanation (query strings are never included)
 * @param status     the HTTP status the proxy answered (200 for an established tunnel, 0 when the
 *                   connection was closed without one)
 * @param bytesUp    bytes sent from the client to the upstream
 * @param bytesDown  bytes sent from the upstream to the client
 * @param durationMs milliseconds from the decision to the end of the exchange
 * @param credential the name of an injected credential, or empty
 */
public record EgressRecord(long id, Instant time, String sandbox, String client, String method, String host,
        int port, String path, String serverName, String decision, String rule, String reason, int status, long bytesUp,
        long bytesDown, long durationMs, String credential) {

    /** @return whether the decision allowed the exchange */
    public boolean allowed() {
        return "allow".equals(decision);
    }

    /** @return this record with the store's id */
    public EgressRecord withId(long newId) {
        return new EgressRecord(newId, time, sandbox, client, method, host, port, path, serverName, decision, rule,
                reason, status, bytesUp, bytesDown, durationMs, credential);
    }

    /** @return this record naming the injected credentials */
    public EgressRecord withCredential(String names) {
        return new EgressRecord(id, time, sandbox, client, method, host, port, path, serverName, decision, rule, reason,
                status, bytesUp, bytesDown, durationMs, names);
    }

    /** @return this record completed with the exchange's outcome */
    public EgressRecord completed(EgressCompletion c) {
        String r = c.reason() == null ? reason : c.reason();
        String d = c.denied() ? "deny" : decision;
        return new EgressRecord(id, time, sandbox, client, method, host, port, path,
                c.serverName() == null ? serverName : c.serverName(), d, c.rule() == null ? rule : c.rule(), r,
                c.status(), c.bytesUp(), c.bytesDown(), c.durationMs(), credential);
    }
}
