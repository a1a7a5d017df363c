package dev.cofferdam.app.cli;

import dev.cofferdam.vm.secret.BackendSetting;
import dev.cofferdam.vm.secret.SecretBackend;
import dev.cofferdam.vm.secret.SecretException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cofferdam secret move --to keychain|file}: moves every stored value to one backend. */
@Command(name = "move", description = "Move every stored value to the OS keychain or the encrypted file "
        + "(each is written to its new place before it leaves the old one).")
final class SecretMoveCommand extends SecretCommand.Base {
    @Option(names = "--to", required = true, paramLabel = "keychain|file")
    String to;

    @Override
    int execute() throws SecretException {
        BackendSetting b = BackendSetting.parse(to);
        if (b == BackendSetting.AUTO) {
            return fail("--to takes keychain or file");
        }
        SecretBackend target = b == BackendSetting.KEYCHAIN ? SecretBackend.KEYCHAIN : SecretBackend.FILE;
        List<String> moved = SecretCommand.store().moveAll(target);
        spec.commandLine().getOut().println(moved.isEmpty() ? "nothing to move: every value is in the " + target.label()
                : "moved to the " + target.label() + ": " + String.join(", ", moved));
        return 0;
    }
}
