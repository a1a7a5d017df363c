package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.cli.VersionProvider;
import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.app.run.RunStore;
import dev.cofferdam.engine.trace.store.TraceStore;
import dev.cofferdam.vm.egress.EgressLogException;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.sandbox.ProxyEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.SecretException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the Walls services over the user's directories: egress runtime, policy store, sandboxes. */
public final class WallsWiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WallsWiring.class);

    private final EgressRuntime egress;
    private final ProxyEgressRelay relay;
    private final WallsServices services;

    private WallsWiring(EgressRuntime egress, ProxyEgressRelay relay, WallsServices services) {
        this.egress = egress;
        this.relay = relay;
        this.services = services;
    }

    /**
     * @throws EgressLogException when the egress log cannot be opened
     * @throws SecretException    when the interception CA cannot be loaded
     */
    public static WallsWiring open() throws EgressLogException, SecretException {
        CofferdamDirs dirs = CofferdamDirs.fromEnvironment();
        CredentialVault vault = CredentialVault.open(dirs.config());
        EgressRuntime egress = EgressRuntime.open(dirs, Resolver.system(), vault, null);
        ProxyEgressRelay relay = new ProxyEgressRelay(egress, vault);
        Optional<SandboxService> sandboxes = Optional.empty();
        String why = "";
        try {
            sandboxes = Optional.of(new SandboxService(VmDirs.defaults(), relay,
                    SandboxService.Options.defaults()));
        } catch (SandboxException e) {
            LOG.warn("sandbox service unavailable: {}", e.getMessage());
            why = e.getMessage();
        }
        PolicyStore policies = new PolicyStore(dirs.config());
        Path dataDir = TraceStore.defaultDir(System.getenv(), Path.of(System.getProperty("user.home")));
        Optional<AgentRun.Context> agents = sandboxes.map(s -> new AgentRun.Context(s, egress.services(), policies,
                new RunStore(dataDir), dataDir, VersionProvider.version()));
        return new WallsWiring(egress, relay, new WallsServices(sandboxes, why, egress.log(), policies,
                BalancedAllowlist.shipped(), agents));
    }

    public WallsServices services() {
        return services;
    }

    @Override
    public void close() {
        services.sandboxes().ifPresent(s -> {
            try {
                s.close();
            } catch (SandboxException e) {
                LOG.debug("closing the sandbox service", e);
            }
        });
        relay.close();
        egress.close();
    }
}
