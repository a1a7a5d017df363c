package dev.cofferdam.vm.egress;

/** A request whose framing is ambiguous (Content-Length with Transfer-Encoding, odd codings): 400 and close. */
final class SmugglingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SmugglingException(String message) {
        super(message, null, false, false);
    }
}
