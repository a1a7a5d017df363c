package dev.cofferdam.vm.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyTest {

    static Policy policy(Tier tier, String... lines) throws Exception {
        List<Rule> rules = new ArrayList<>();
        for (String l : lines) {
            String[] p = l.split(" ", 2);
            rules.add(RuleParser.parse(RuleAction.valueOf(p[0].toUpperCase()), p[1]));
        }
        return new Policy(tier, rules, BalancedAllowlist.shipped(), null);
    }

    static Decision decide(Policy p, String host, int port) throws Exception {
        return p.decide(HostCanonicalizer.fromWire(host), port);
    }

    @Test
    void denyWinsRegardlessOfSpecificity() throws Exception {
        Policy p = policy(Tier.BALANCED, "allow api.allowed.example", "deny **.allowed.example");
        Decision d = decide(p, "api.allowed.example", 443);
        assertThat(d.allowed()).isFalse();
        assertThat(d.rule()).isEqualTo("**.allowed.example");
    }

    @Test
    void oneLabelWildcardNeverMatchesLookAlikesOrTheBareName() throws Exception {
        Policy p = policy(Tier.BALANCED, "allow *.allowed.example");
        assertThat(decide(p, "evilallowed.example", 443).allowed()).isFalse();
        assertThat(decide(p, "allowed.example.evil.example", 443).allowed()).isFalse();
        assertThat(decide(p, "allowed.example", 443).allowed()).isFalse();
        assertThat(decide(p, "www.allowed.example", 443).allowed()).isTrue();
    }

    @Test
    void tiersDecideUnlistedNames() throws Exception {
        assertThat(decide(policy(Tier.LOCKED_DOWN), "github.com", 443).allowed()).isFalse();
        Decision balanced = decide(policy(Tier.BALANCED), "github.com", 443);
        assertThat(balanced.allowed()).isTrue();
        assertThat(balanced.reason()).contains("Balanced list");
        assertThat(decide(policy(Tier.BALANCED), "evil.example", 443).allowed()).isFalse();
        assertThat(decide(policy(Tier.OPEN), "evil.example", 443).rule()).isEqualTo("tier:open");
        assertThat(decide(policy(Tier.BALANCED, "allow *"), "evil.example", 443).allowed()).isTrue();
    }

    @Test
    void balancedListCoversRegistriesByParentDomainWildcard() throws Exception {
        Policy p = policy(Tier.BALANCED);
        assertThat(decide(p, "repository.example.debian.org", 443).allowed()).isTrue();
        assertThat(decide(p, "debian.org", 443).allowed()).isFalse();
        assertThat(decide(p, "api.anthropic.com", 22).allowed()).isFalse();
        assertThat(BalancedAllowlist.shipped().version()).matches("\\d{4}\\.\\d+\\.\\d+");
    }

    @ParameterizedTest
    @EnumSource(Tier.class)
    void metadataAddressesAndNamesAreDeniedInEveryTier(Tier tier) throws Exception {
        Policy p = policy(tier, "allow **.internal", "allow 169.254.0.0/16");
        for (String h : List.of("169.254.169.254", "[fd00:ec2::254]", "100.100.100.200", "metadata.google.internal",
                "[::ffff:169.254.169.254]", "[64:ff9b::a9fe:a9fe]", "[2002:a9fe:a9fe::]", "localhost")) {
            Decision d = decide(p, h, 80);
            assertThat(d.allowed()).as(h).isFalse();
            assertThat(d.rule()).as(h).isEqualTo("always-denied");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "169.254.1.1",
        "[fc00::1]", "[fe80::1]", "[::1]", "0.0.0.0", "2130706433", "0x7f.1", "0177.0.0.1", "127.1"})
    void privateTargetsNeedAnExactIpPortRule(String host) throws Exception {
        Policy open = policy(Tier.OPEN, "allow 0.0.0.0/0", "allow [::]/0");
        assertThat(decide(open, host, 8080).allowed()).isFalse();
        CanonicalHost c = HostCanonicalizer.fromWire(host);
        Policy exact = policy(Tier.LOCKED_DOWN, "allow " + c.authorityForm() + ":8080");
        assertThat(decide(exact, host, 8080).allowed()).isTrue();
        assertThat(decide(exact, host, 8081).allowed()).isFalse();
    }

    @Test
    void resolvedAddressesAreCheckedAgain() throws Exception {
        Policy p = policy(Tier.BALANCED, "allow allowed.example", "allow 127.0.0.1:9000", "deny 203.0.113.0/24");
        assertThat(p.checkResolved("allowed.example", InetAddress.getByName("10.0.0.7"), 443)).isPresent();
        assertThat(p.checkResolved("allowed.example", InetAddress.getByName("127.0.0.2"), 443)).isPresent();
        assertThat(p.checkResolved("allowed.example", InetAddress.getByName("203.0.113.9"), 443))
                .hasValueSatisfying(d -> assertThat(d.rule()).isEqualTo("203.0.113.0/24"));
        assertThat(p.checkResolved("allowed.example", InetAddress.getByName("127.0.0.1"), 9000)).isEmpty();
        assertThat(p.checkResolved("allowed.example", InetAddress.getByName("198.51.100.1"), 443)).isEmpty();
    }

    @Test
    void unreadablePolicyDeniesEverything() throws Exception {
        Decision d = decide(Policy.denyAll("broken"), "github.com", 443);
        assertThat(d.allowed()).isFalse();
        assertThat(d.reason()).isEqualTo("broken");
    }
}
