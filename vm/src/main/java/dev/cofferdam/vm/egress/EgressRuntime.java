package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicySource;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.InterceptionCa;
import dev.cofferdam.vm.secret.SecretException;
import dev.cofferdam.vm.secret.VaultCredentialSource;
import javax.net.ssl.TrustManagerFactory;

/**
 * Everything the sandboxes need for egress, wired from the user's directories: the policy files,
 * the SQLite egress log, the credential vault (keychain or encrypted file) with its interception CA, and one shared
 * {@link EgressProxy}. {@link #start(String)} gives each sandbox its own listener on 127.0.0.1.
 * Thread-safe; close it on shutdown.
 */
public final class EgressRuntime implements AutoCloseable {
    private final SqliteEgressLog log;
    private final PolicySource policies;
    private final InterceptionCa ca;
    private final EgressProxy proxy;

    private EgressRuntime(SqliteEgressLog log, PolicySource policies, InterceptionCa ca, EgressProxy proxy) {
        this.log = log;
        this.policies = policies;
        this.ca = ca;
        this.proxy = proxy;
    }

    /**
     * @param dirs     config and data directories
     * @param resolver resolves allowed names ({@link Resolver#system()} in production)
     * @return the runtime
     * @throws EgressLogException when the egress log cannot be opened
     * @throws SecretException    when the interception CA cannot be loaded or created
     */
    public static EgressRuntime open(CofferdamDirs dirs, Resolver resolver) throws EgressLogException, SecretException {
        return open(dirs, resolver, CredentialVault.open(dirs.config()), null);
    }

    /**
     * As {@link #open(CofferdamDirs, Resolver)}, verifying intercepted upstreams against
     * {@code upstreamTrust} instead of the JDK's default roots (tests: a loopback TLS upstream).
     */
    public static EgressRuntime open(CofferdamDirs dirs, Resolver resolver, TrustManagerFactory upstreamTrust)
            throws EgressLogException, SecretException {
        return open(dirs, resolver, CredentialVault.open(dirs.config()), upstreamTrust);
    }

    /**
     * @param dirs          config and data directories
     * @param resolver      resolves allowed names
     * @param vault         the credentials to inject (the same vault the guests' placeholders come from)
     * @param upstreamTrust trust for intercepted upstream servers, {@code null} for the JDK default
     *                      (a split-horizon network with its own CA, or a test's loopback server)
     * @return the runtime
     * @throws EgressLogException when the egress log cannot be opened
     * @throws SecretException    when the interception CA cannot be loaded or created
     */
    public static EgressRuntime open(CofferdamDirs dirs, Resolver resolver, CredentialVault vault,
            TrustManagerFactory upstreamTrust) throws EgressLogException, SecretException {
        SqliteEgressLog log = SqliteEgressLog.open(dirs.data());
        try {
            PolicySource policies = new StorePolicySource(new PolicyStore(dirs.config()), BalancedAllowlist.shipped());
            InterceptionCa ca = InterceptionCa.loadOrCreate(dirs.config());
            Interception interception = new Interception(ca, new VaultCredentialSource(vault), upstreamTrust);
            EgressProxy proxy = new EgressProxy(ProxySettings.defaults(resolver).withInterception(interception));
            return new EgressRuntime(log, policies, ca, proxy);
        } catch (SecretException | RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /**
     * @param sandbox the sandbox name
     * @return the sandbox's listener; point the guest's relay at {@code 127.0.0.1:port()}
     * @throws EgressProxyException when no port can be bound
     */
    public ProxyListener start(String sandbox) throws EgressProxyException {
        return proxy.start(sandbox, policies, log);
    }

    /** @return the host services (MCP server, trace receiver) sandboxes reach by reserved names */
    public HostServices services() {
        return proxy.services();
    }

    /** @return the egress log (queries, per-host view, live listeners, export) */
    public EgressLog log() {
        return log;
    }

    /** @return the CA certificate guests must trust for credential injection */
    public InterceptionCa ca() {
        return ca;
    }

    @Override
    public void close() {
        proxy.close();
        log.close();
    }
}
