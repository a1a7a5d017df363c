package dev.cofferdam.vm.qemu;

/** A microVM could not be started or controlled. The message is one line for the user. */
public class VmLaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    public VmLaunchException(String message) {
        super(message);
    }

    public VmLaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
