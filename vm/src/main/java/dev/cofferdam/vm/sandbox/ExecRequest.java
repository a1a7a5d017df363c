package dev.cofferdam.vm.sandbox;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A command to run in a sandbox. Immutable apart from the stdin stream it carries.
 *
 * @param argv  program and arguments (the program is looked up on the guest's PATH)
 * @param env   extra environment variables, on top of the sandbox defaults
 * @param cwd   working directory in the guest; empty for the sandbox default (the workspace or /root)
 * @param tty   run under a pseudo-terminal of that size (interactive sessions), or empty for pipes;
 *              under a terminal stderr arrives as stdout
 * @param stdin data for the command's standard input, or null for none
 */
public record ExecRequest(List<String> argv, Map<String, String> env, String cwd, Optional<TerminalSize> tty,
                          InputStream stdin) {
    public ExecRequest {
        argv = List.copyOf(argv);
        env = Map.copyOf(new LinkedHashMap<>(env));
        Objects.requireNonNull(cwd);
        Objects.requireNonNull(tty);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("no command given");
        }
    }

    /** The guest's login shell: bash where the guest has it (the agent template), else sh (busybox). */
    public static final List<String> LOGIN_SHELL = List.of("sh", "-c",
            "if command -v bash >/dev/null 2>&1; then exec bash -l; else exec sh -l; fi");

    public static ExecRequest of(String... argv) {
        return new ExecRequest(List.of(argv), Map.of(), "", Optional.empty(), null);
    }

    public ExecRequest withStdin(InputStream in) {
        return new ExecRequest(argv, env, cwd, tty, in);
    }

    public ExecRequest withCwd(String dir) {
        return new ExecRequest(argv, env, dir, tty, stdin);
    }
}
