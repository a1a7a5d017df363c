package dev.cofferdam.vm.egress;

/** The egress log cannot be written or read. The proxy then denies every request (fail closed). */
public final class EgressLogException extends Exception {
    private static final long serialVersionUID = 1L;

    public EgressLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
