package dev.cofferdam.vm.sandbox;

/**
 * How a command ended.
 *
 * @param exitCode the guest command's exit code, or 128 + signal number
 * @param millis   wall time from request to exit
 */
public record ExecResult(int exitCode, long millis) {
}
