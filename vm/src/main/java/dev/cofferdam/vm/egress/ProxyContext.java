package dev.cofferdam.vm.egress;

import dev.cofferdam.vm.policy.PolicySource;
import java.util.concurrent.Executor;

/**
 * What every connection of one listener shares. Immutable.
 *
 * @param sandbox  the sandbox this listener serves
 * @param policies the policy source, consulted on every request
 * @param log      the egress log
 * @param settings proxy settings
 * @param blocking runs DNS lookups and log writes off the event loop
 * @param services host services the sandbox reaches by reserved names
 */
record ProxyContext(String sandbox, PolicySource policies, EgressLog log, ProxySettings settings, Executor blocking,
                    HostServices services) {
}
