package dev.cofferdam.engine.trace.report;

/**
 * A host the sandbox contacted during the session, from the egress log (joined by the app: the
 * engine does not read the egress log).
 *
 * @param host     the host
 * @param requests decisions about it in the session's time span
 * @param denied   of which denied by the policy
 */
public record HostContact(String host, long requests, long denied) {
}
