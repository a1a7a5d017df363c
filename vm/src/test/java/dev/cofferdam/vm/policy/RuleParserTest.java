package dev.cofferdam.vm.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleParserTest {

    @ParameterizedTest
    @CsvSource({
        "Example.COM., example.com, EXACT",
        "*.example.com, *.example.com, ONE_LABEL",
        "**.Example.com:8443, **.example.com:8443, ANY_DEPTH",
        "example.com:*, example.com:*, EXACT",
        "10.1.2.3/8, 10.0.0.0/8, CIDR",
        "127.0.0.1:8080, 127.0.0.1:8080, CIDR",
        "2130706433:80, 127.0.0.1:80, CIDR",
        "[::1]:443, [0:0:0:0:0:0:0:1]:443, CIDR",
        "[FD00::]/8:443, [fd00:0:0:0:0:0:0:0]/8:443, CIDR",
        "fd00::/7, [fc00:0:0:0:0:0:0:0]/7, CIDR",
        "bücher.example, xn--bcher-kva.example, EXACT",
        "*, *, ANY",
    })
    void parsesToCanonicalText(String raw, String text, Rule.Kind kind) throws Exception {
        Rule r = RuleParser.parse(RuleAction.ALLOW, raw);
        assertThat(r.text()).isEqualTo(text);
        assertThat(r.kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ex*ample.com|3",
        "*.ex*.com|5",
        "***.example.com|1",
        "example.com:0|13",
        "example.com:70000|13",
        "allowed.example:443.evil.example|17",
        "10.0.0.0/33|10",
        "[::1|1",
        "[::1]x|6",
        "a..b|1",
        "*.10.0.0.1|1",
    })
    void errorsNameTheColumn(String raw, int column) {
        assertThatThrownBy(() -> RuleParser.parse(RuleAction.ALLOW, raw))
                .isInstanceOfSatisfying(RuleSyntaxException.class, e -> assertThat(e.column()).isEqualTo(column))
                .hasMessageStartingWith("column " + column + ":");
    }

    @Test
    void starAloneIsOpenWithAWarningAndNeverADeny() throws Exception {
        Rule any = RuleParser.parse(RuleAction.ALLOW, "**");
        assertThat(RuleParser.warning(any)).hasValueSatisfying(w -> assertThat(w).contains("Open tier"));
        assertThatThrownBy(() -> RuleParser.parse(RuleAction.DENY, "*")).hasMessageContaining("locked-down");
        assertThat(RuleParser.warning(RuleParser.parse(RuleAction.ALLOW, "example.com"))).isEmpty();
    }

    @Test
    void wildcardLabelsMatchAsDocumented() throws Exception {
        Rule one = RuleParser.parse(RuleAction.ALLOW, "*.allowed.example");
        assertThat(one.matchesName("a.allowed.example", 443)).isTrue();
        assertThat(one.matchesName("a.b.allowed.example", 443)).isFalse();
        assertThat(one.matchesName("allowed.example", 443)).isFalse();
        assertThat(one.matchesName("evilallowed.example", 443)).isFalse();
        assertThat(one.matchesName("allowed.example.evil.example", 443)).isFalse();
        assertThat(one.matchesName("a.allowed.example", 22)).isFalse();
        Rule deep = RuleParser.parse(RuleAction.ALLOW, "**.allowed.example");
        assertThat(deep.matchesName("a.b.c.allowed.example", 80)).isTrue();
        assertThat(deep.matchesName("allowed.example", 80)).isFalse();
        assertThat(deep.matchesName("xallowed.example", 80)).isFalse();
    }

    @Test
    void denyWithoutPortCoversEveryPortAllowOnlyWebPorts() throws Exception {
        assertThat(RuleParser.parse(RuleAction.DENY, "evil.example").matchesName("evil.example", 22)).isTrue();
        assertThat(RuleParser.parse(RuleAction.ALLOW, "ok.example").matchesName("ok.example", 22)).isFalse();
        assertThat(RuleParser.parse(RuleAction.ALLOW, "ok.example:*").matchesName("ok.example", 22)).isTrue();
    }
}
