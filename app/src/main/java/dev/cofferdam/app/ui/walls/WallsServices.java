package dev.cofferdam.app.ui.walls;

import dev.cofferdam.app.run.AgentRun;
import dev.cofferdam.vm.egress.EgressLog;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.Optional;

/**
 * The vm services the Walls view works with. The sandbox service is absent when it cannot be
 * opened (the view then says why and still shows policy and egress log).
 *
 * @param sandboxes   the sandbox service, if it opened
 * @param unavailable why the sandbox service is absent, else empty
 * @param log         the egress log
 * @param policies    the policy files
 * @param balanced    the shipped Balanced allowlist
 * @param agents      what starting an agent in a sandbox needs, when the sandbox service opened
 */
public record WallsServices(Optional<SandboxService> sandboxes, String unavailable, EgressLog log,
                            PolicyStore policies, BalancedAllowlist balanced, Optional<AgentRun.Context> agents) {
    /** Services without agent runs (tests of the views). */
    public WallsServices(Optional<SandboxService> sandboxes, String unavailable, EgressLog log, PolicyStore policies,
                         BalancedAllowlist balanced) {
        this(sandboxes, unavailable, log, policies, balanced, Optional.empty());
    }
}
