package dev.cofferdam.vm.sandbox;

/** Lifecycle state of a sandbox as seen now. */
public enum SandboxState {
    /** QEMU is running and answers QMP. */
    RUNNING,
    /** Stopped by the user; start brings it back. */
    STOPPED,
    /** Should be running but its QEMU is gone (killed, crashed, host rebooted). */
    CRASHED
}
