package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.secret.BackendSetting;
import dev.cofferdam.vm.secret.SecretException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam secret backend [auto|keychain|file]}: shows or sets where new credentials go. */
@Command(name = "backend", description = "Show or set where new credentials go: auto (the OS keychain when the "
        + "Secret Service answers, else the encrypted file), keychain, or file. Stored credentials stay where they "
        + "are until set again.")
final class SecretBackendCommand extends SecretCommand.Base {
    @Parameters(paramLabel = "auto|keychain|file", arity = "0..1")
    String choice;

    @Override
    int execute() throws SecretException {
        Path config = CofferdamDirs.fromEnvironment().config();
        if (choice != null) {
            BackendSetting.parse(choice).write(config);
        }
        spec.commandLine().getOut().println("setting: " + BackendSetting.read(config).id());
        spec.commandLine().getOut().println("new credentials go to: " + SecretCommand.store().status().detail());
        return 0;
    }
}
