package dev.cofferdam.vm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorePolicySourceTest {
    @TempDir
    Path config;

    @Test
    void editsApplyAtOnceAndGlobalAndSandboxRulesCombine() throws Exception {
        PolicyStore store = new PolicyStore(config);
        StorePolicySource source = new StorePolicySource(store, BalancedAllowlist.shipped());
        CanonicalHost host = HostCanonicalizer.fromWire("allowed.example");
        assertThat(source.policyFor("box").decide(host, 443).allowed()).isFalse();
        store.write(null, PolicyDocument.EMPTY.withTier(Tier.LOCKED_DOWN)
                .with(RuleParser.parse(RuleAction.ALLOW, "allowed.example")));
        assertThat(source.policyFor("box").decide(host, 443).allowed()).isTrue();
        store.write("box", PolicyDocument.EMPTY.with(RuleParser.parse(RuleAction.DENY, "allowed.example")));
        assertThat(source.policyFor("box").decide(host, 443).allowed()).isFalse();
        assertThat(source.policyFor("other").decide(host, 443).allowed()).isTrue();
        assertThat(source.policyFor("box").tier()).isEqualTo(Tier.LOCKED_DOWN);
    }

    @Test
    void corruptFileDeniesEverythingInsteadOfFailingOpen() throws Exception {
        PolicyStore store = new PolicyStore(config);
        StorePolicySource source = new StorePolicySource(store, BalancedAllowlist.shipped());
        store.write(null, PolicyDocument.EMPTY.withTier(Tier.OPEN));
        assertThat(source.policyFor("box").decide(HostCanonicalizer.fromWire("x.example"), 443).allowed()).isTrue();
        Files.writeString(store.file(null), "tier open\nallow ex*ample.com\n");
        Decision d = source.policyFor("box").decide(HostCanonicalizer.fromWire("x.example"), 443);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).contains("global.policy line 2, column 9");
    }

    @Test
    void duplicatesAndUnknownKeywordsAreReportedWithTheLine() {
        assertThatThrownBy(() -> PolicyDocument.parse("allow a.example\nallow A.example.\n", "g.policy"))
                .hasMessage("g.policy line 2: duplicate rule 'allow a.example'");
        assertThatThrownBy(() -> PolicyDocument.parse("permit a.example\n", "g.policy"))
                .hasMessageContaining("line 1, column 1");
    }

    @Test
    void sandboxNamesCannotEscapeTheDirectory() {
        assertThatThrownBy(() -> new PolicyStore(config).file("../x")).isInstanceOf(PolicyException.class);
    }
}
