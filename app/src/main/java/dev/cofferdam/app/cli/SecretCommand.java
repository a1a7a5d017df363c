package dev.cofferdam.app.cli;

import dev.cofferdam.vm.policy.CanonicalHost;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.HostSyntaxException;
import dev.cofferdam.vm.secret.Credential;
import dev.cofferdam.vm.secret.BackendSetting;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.KeychainUnavailableException;
import dev.cofferdam.vm.secret.KnownService;
import dev.cofferdam.vm.secret.SecretBackend;
import dev.cofferdam.vm.secret.SecretException;
import dev.cofferdam.vm.secret.StoreOutcome;
import dev.cofferdam.vm.secret.VaultEntry;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam secret}: credentials kept on the host and injected by the proxy for their hosts only. */
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = "Credentials on the host; guests only ever see a placeholder.",
        subcommands = {SecretCommand.Set.class, SecretCommand.Ls.class, SecretCommand.Rm.class,
            SecretBackendCommand.class, SecretMoveCommand.class})
public final class SecretCommand implements Runnable {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern ENV = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static CredentialVault store() throws SecretException {
        return CredentialVault.open(CofferdamDirs.fromEnvironment().config());
    }

    /** Shared error handling. */
    abstract static class Base implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        int fail(String message) {
            spec.commandLine().getErr().println("cofferdam: " + message);
            return 2;
        }

        @Override
        public Integer call() {
            try {
                return execute();
            } catch (KeychainUnavailableException e) {
                spec.commandLine().getErr().println("cofferdam: " + e.getMessage());
                return 1;
            } catch (SecretException e) {
                spec.commandLine().getErr().println("cofferdam: " + e.getMessage());
                return e.getCause() instanceof IOException ? 1 : 2;
            }
        }

        abstract int execute() throws SecretException;
    }

    @Command(name = "set", description = "Store a credential; the value is read from standard input (one line). "
            + "Known services: anthropic, openai, github, google, groq, mistral, xai; any other name needs --host.")
    static final class Set extends Base {
        @Parameters(paramLabel = "SERVICE")
        String service;

        @Option(names = "--host", paramLabel = "HOST", description = "A host the credential is bound to (repeatable).")
        List<String> hosts = new ArrayList<>();

        @Option(names = "--env", paramLabel = "VAR", description = "The guest variable holding the placeholder.")
        String env;

        @Option(names = "--backend", paramLabel = "keychain|file",
                description = "Where the value goes this time (default: the setting, see `secret backend`).")
        String backend;

        @Override
        int execute() throws SecretException {
            String name = service.toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches()) {
                return fail("invalid service name '" + service + "' (lower-case letters, digits, '_', '-')");
            }
            Optional<KnownService> known = KnownService.byId(name);
            List<String> bound = new ArrayList<>();
            for (String h : hosts) {
                try {
                    CanonicalHost c = HostCanonicalizer.fromUser(h);
                    if (c.isAddress()) {
                        return fail("bind credentials to host names, not addresses: '" + h + "'");
                    }
                    bound.add(c.text());
                } catch (HostSyntaxException e) {
                    return fail("invalid host '" + h + "': " + e.getMessage());
                }
            }
            if (bound.isEmpty()) {
                if (known.isEmpty()) {
                    return fail("'" + name + "' is not a known service: give its hosts with --host");
                }
                bound.addAll(known.get().hosts());
            }
            String var = env != null ? env : known.map(KnownService::envVar)
                    .orElse(name.toUpperCase(Locale.ROOT).replace('-', '_') + "_TOKEN");
            if (!ENV.matcher(var).matches()) {
                return fail("invalid variable name '" + var + "'");
            }
            SecretBackend where = null;
            if (backend != null) {
                BackendSetting b = BackendSetting.parse(backend);
                if (b == BackendSetting.AUTO) {
                    return fail("--backend takes keychain or file");
                }
                where = b == BackendSetting.KEYCHAIN ? SecretBackend.KEYCHAIN : SecretBackend.FILE;
            }
            String value = readValue();
            if (value == null || value.isBlank()) {
                return fail("no value on standard input");
            }
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            String placeholder = "cofferdam-" + name + "-" + HexFormat.of().formatHex(random);
            StoreOutcome stored = store().store(new Credential(name, bound, var, placeholder), value.strip(), where);
            spec.commandLine().getOut().println("stored " + name + " in the " + stored.heldIn().label() + " for "
                    + String.join(", ", bound) + "; guests see " + var + "=" + placeholder);
            stored.warning().ifPresent(w -> spec.commandLine().getErr().println("cofferdam: " + w));
            return 0;
        }

        private static String readValue() {
            Console console = System.console();
            if (console != null) {
                char[] chars = console.readPassword("value: ");
                return chars == null ? null : new String(chars);
            }
            try {
                return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                return null;
            }
        }
    }

    @Command(name = "ls", description = "List credentials (never their values) and where each value is held; "
            + "the first line says where new credentials go.")
    static final class Ls extends Base {
        @Override
        int execute() throws SecretException {
            CredentialVault vault = store();
            List<VaultEntry> entries = vault.entries();
            List<String> inKeychain = entries.stream().filter(e -> e.heldIn() == SecretBackend.KEYCHAIN)
                    .map(e -> e.credential().name()).toList();
            Optional<String> problem = inKeychain.isEmpty() ? Optional.empty() : vault.keychainProblem();
            spec.commandLine().getOut().println("backend: " + vault.status().detail());
            for (VaultEntry e : entries) {
                Credential c = e.credential();
                String held = e.heldIn().id() + (e.heldIn() == SecretBackend.KEYCHAIN && problem.isPresent()
                        ? " (unreachable)" : "");
                spec.commandLine().getOut().println(c.name() + "\t" + c.envVar() + "=" + c.placeholder() + "\t"
                        + String.join(",", c.hosts()) + "\t" + held);
            }
            if (problem.isPresent()) {
                spec.commandLine().getErr().println("cofferdam: " + String.join(", ", inKeychain)
                        + (inKeychain.size() == 1 ? " is" : " are") + " held in the OS keychain, which cannot be read now ("
                        + problem.get() + "); start or unlock your keyring, or store "
                        + (inKeychain.size() == 1 ? "it" : "each") + " again in the file: cofferdam secret set NAME"
                        + " --backend file");
                return 1;
            }
            return 0;
        }
    }

    @Command(name = "rm", description = "Remove a credential (and its keychain item).")
    static final class Rm extends Base {
        @Parameters(paramLabel = "SERVICE")
        String service;

        @Option(names = "--forget", description = "Drop the entry even when its keychain item cannot be deleted now.")
        boolean forget;

        @Override
        int execute() throws SecretException {
            if (!store().remove(service.toLowerCase(Locale.ROOT), forget)) {
                return fail("no credential '" + service + "'");
            }
            spec.commandLine().getOut().println("removed " + service.toLowerCase(Locale.ROOT));
            return 0;
        }
    }
}
