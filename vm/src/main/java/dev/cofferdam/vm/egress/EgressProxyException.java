package dev.cofferdam.vm.egress;

/** A proxy listener cannot be started (e.g. the port is taken). */
public final class EgressProxyException extends Exception {
    private static final long serialVersionUID = 1L;

    public EgressProxyException(String message, Throwable cause) {
        super(message, cause);
    }
}
