package dev.cofferdam.vm.policy;

/**
 * A host name or address that cannot be canonicalized (NUL/CR/LF, raw non-ASCII, zone ids, bad
 * IPv4 or IPv6 text, ...). The proxy answers 400; the message is one line, safe to show.
 */
public final class HostSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    public HostSyntaxException(String message) {
        super(message);
    }
}
