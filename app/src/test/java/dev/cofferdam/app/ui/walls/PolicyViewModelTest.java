package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.policy.BalancedAllowlist;
import dev.cofferdam.vm.policy.HostCanonicalizer;
import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.RuleAction;
import dev.cofferdam.vm.policy.StorePolicySource;
import dev.cofferdam.vm.policy.Tier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy picker's view model on a real policy store in a temp config dir. */
class PolicyViewModelTest {
    @TempDir
    Path dir;

    private PolicyStore store() {
        return new PolicyStore(dir.resolve("config"));
    }

    private PolicyViewModel vm(PolicyStore store) {
        return new PolicyViewModel(UiThreads.direct(), store, BalancedAllowlist.shipped());
    }

    @Test
    void aBadRuleShowsItsColumnAndIsNotAdded() throws Exception {
        PolicyStore store = store();
        PolicyViewModel vm = vm(store);
        vm.edit("box");
        vm.ruleTextProperty().set("api.ex*ample.com");
        RuleCheck c = vm.ruleCheckProperty().get();
        assertThat(c.isError()).isTrue();
        assertThat(c.column()).isEqualTo(7);
        assertThat(c.message()).startsWith("column 7: '*' may only be a whole first label");
        assertThat(vm.addRule()).isFalse();
        assertThat(vm.rules()).isEmpty();
        assertThat(store.read("box")).isEqualTo(PolicyDocument.EMPTY);
    }

    @Test
    void starRulesAreAcceptedWithAWarning() {
        PolicyViewModel vm = vm(store());
        vm.edit(null);
        vm.ruleTextProperty().set("**");
        assertThat(vm.ruleCheckProperty().get().warning()).isTrue();
        assertThat(vm.ruleCheckProperty().get().message()).contains("allows every host");
        vm.actionProperty().set(RuleAction.DENY);
        assertThat(vm.ruleCheckProperty().get().isError()).isTrue();
        assertThat(vm.ruleCheckProperty().get().message()).contains("locked-down tier");
    }

    @Test
    void editsAreWrittenThroughTheStoreAndReadBack() throws Exception {
        PolicyStore store = store();
        PolicyViewModel vm = vm(store);
        vm.edit("box");
        vm.ruleTextProperty().set("*.Example.COM.");
        assertThat(vm.addRule()).isTrue();
        vm.actionProperty().set(RuleAction.DENY);
        vm.ruleTextProperty().set("203.0.113.0/24");
        assertThat(vm.addRule()).isTrue();
        vm.setTier(Tier.LOCKED_DOWN);
        PolicyDocument saved = store.read("box");
        assertThat(saved.tier()).contains(Tier.LOCKED_DOWN);
        assertThat(saved.rules()).extracting(Rule::line).containsExactly("allow *.example.com", "deny 203.0.113.0/24");
        vm.ruleTextProperty().set("*.example.com");
        vm.actionProperty().set(RuleAction.ALLOW);
        assertThat(vm.addRule()).as("duplicate").isFalse();
        assertThat(vm.ruleCheckProperty().get().message()).contains("already present");
        vm.removeRule(vm.rules().get(0));
        assertThat(store.read("box").rules()).extracting(Rule::line).containsExactly("deny 203.0.113.0/24");
        PolicyViewModel again = vm(store);
        again.edit("box");
        assertThat(again.tierProperty().get()).isEqualTo(Tier.LOCKED_DOWN);
        assertThat(again.rules()).extracting(Rule::line).containsExactly("deny 203.0.113.0/24");
    }

    @Test
    void checkAHostGivesTheSameDecisionAsTheProxysPolicySource() throws Exception {
        PolicyStore store = store();
        PolicyViewModel vm = vm(store);
        vm.edit("box");
        vm.ruleTextProperty().set("**.corp.example:8443");
        vm.addRule();
        vm.hostTextProperty().set("git.corp.example:8443");
        vm.check();
        PolicyViewModel.CheckResult r = vm.checkResultProperty().get();
        assertThat(r.allowed()).isTrue();
        assertThat(r.headline()).isEqualTo("allow git.corp.example:8443");
        assertThat(r.rule()).isEqualTo("**.corp.example:8443");
        var expected = new StorePolicySource(store, BalancedAllowlist.shipped()).policyFor("box")
                .decide(HostCanonicalizer.fromUser("git.corp.example"), 8443);
        assertThat(r.reason()).isEqualTo(expected.reason());
        vm.hostTextProperty().set("169.254.169.254:80");
        vm.check();
        assertThat(vm.checkResultProperty().get().allowed()).isFalse();
        assertThat(vm.checkResultProperty().get().rule()).isEqualTo("always-denied");
        vm.hostTextProperty().set("evil.example");
        vm.check();
        assertThat(vm.checkResultProperty().get().headline()).isEqualTo("deny evil.example:443");
        assertThat(vm.checkResultProperty().get().rule()).isEqualTo("(none)");
        vm.hostTextProperty().set("bad host:99999");
        vm.check();
        assertThat(vm.checkResultProperty().get().valid()).isFalse();
        assertThat(vm.checkResultProperty().get().headline()).isEqualTo("invalid port '99999'");
    }

    @Test
    void aDraftStaysInMemoryButChecksAgainstTheGlobalRulesToo() throws Exception {
        PolicyStore store = store();
        store.write(null, PolicyDocument.EMPTY.with(dev.cofferdam.vm.policy.RuleParser.parse(RuleAction.DENY,
                "**.blocked.example")));
        PolicyViewModel vm = vm(store);
        vm.draft();
        vm.setTier(Tier.OPEN);
        vm.hostTextProperty().set("a.blocked.example");
        vm.check();
        assertThat(vm.checkResultProperty().get().headline()).isEqualTo("deny a.blocked.example:443");
        vm.hostTextProperty().set("anything.example");
        vm.check();
        assertThat(vm.checkResultProperty().get().rule()).isEqualTo("tier:open");
        assertThat(store.sandboxes()).isEmpty();
        assertThat(vm.document().tier()).contains(Tier.OPEN);
    }

    @Test
    void aLiveEditIsEnforcedAtOnceOnARunningProxy() throws Exception {
        try (LoopbackEgress egress = new LoopbackEgress(dir)) {
            PolicyViewModel vm = new PolicyViewModel(UiThreads.direct(), egress.store, BalancedAllowlist.shipped());
            vm.edit(LoopbackEgress.SANDBOX);
            assertThat(egress.get("allowed.example", "/before")).isEqualTo(200);
            vm.actionProperty().set(RuleAction.DENY);
            vm.ruleTextProperty().set("allowed.example");
            assertThat(vm.addRule()).isTrue();
            assertThat(egress.get("allowed.example", "/after")).isEqualTo(403);
            vm.removeRule(vm.rules().stream().filter(r -> r.action() == RuleAction.DENY).findFirst().orElseThrow());
            assertThat(egress.get("allowed.example", "/again")).isEqualTo(200);
        }
    }

    @Test
    void theBalancedListIsShownVerbatim() {
        PolicyViewModel vm = vm(store());
        assertThat(vm.balancedText()).isEqualTo(BalancedAllowlist.shipped().text());
        assertThat(vm.balancedText()).contains("# version:");
    }
}
