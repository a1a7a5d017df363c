package dev.cofferdam.vm.egress;

/** A request the proxy refuses before any policy decision (malformed); carries the HTTP status. */
final class BadRequestException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
