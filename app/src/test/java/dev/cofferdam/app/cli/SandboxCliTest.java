package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad input to the sandbox and image commands: exit 2 and one line on stderr, before any VM work. */
class SandboxCliTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @Test
    void cpNeedsExactlyOneGuestSide() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "cp", "a.txt", "b.txt"})).isEqualTo(2);
        assertThat(std.err())
                .isEqualTo("cofferdam: exactly one of SRC and DST must be NAME:/absolute/path" + System.lineSeparator());
    }

    @Test
    void unknownTemplateIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"image", "build", "gentoo"})).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: unknown template 'gentoo' (known: tiny, agent)");
    }

    @Test
    void execWithoutACommandIsAUsageError() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "exec", "demo"})).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: Missing required parameter");
    }

    @Test
    void unknownPolicyTierIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "create", "demo", "--policy", "paranoid"})).isEqualTo(2);
        assertThat(std.err()).isEqualTo(
                "cofferdam: unknown tier 'paranoid' (expected locked-down, balanced or open)" + System.lineSeparator());
    }

    @Test
    void invalidAllowOrDenyRuleIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "run", "--allow", "exa mple.com", "demo", "true"}))
                .isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: invalid rule 'exa mple.com': ");
        std.reset();
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "create", "demo", "--deny", "a..b"})).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: invalid rule 'a..b': ");
    }

    @Test
    void runRefusesAnUnknownAgentOrTierBeforeAnyVmWork() {
        assertThat(CofferdamCommand.run(new String[] {"run", "copilot"})).isEqualTo(2);
        assertThat(std.err()).isEqualTo(
                "cofferdam: unknown agent 'copilot': choose claude, codex, gemini or shell" + System.lineSeparator());
        std.reset();
        assertThat(CofferdamCommand.run(new String[] {"run", "shell", ".", "--policy", "paranoid"})).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: unknown tier 'paranoid'");
    }
}
