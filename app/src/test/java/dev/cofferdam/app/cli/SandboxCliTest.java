package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bad input to the sandbox and image commands: exit 2 and one line on stderr, before any VM work. */
class SandboxCliTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStderr() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(savedErr);
    }

    @Test
    void cpNeedsExactlyOneGuestSide() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "cp", "a.txt", "b.txt"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("cofferdam: exactly one of SRC and DST must be NAME:/absolute/path" + System.lineSeparator());
    }

    @Test
    void unknownTemplateIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"image", "build", "gentoo"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cofferdam: unknown template 'gentoo' (known: tiny, agent)");
    }

    @Test
    void execWithoutACommandIsAUsageError() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "exec", "demo"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cofferdam: Missing required parameter");
    }

    @Test
    void unknownPolicyTierIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "create", "demo", "--policy", "paranoid"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "cofferdam: unknown tier 'paranoid' (expected locked-down, balanced or open)" + System.lineSeparator());
    }

    @Test
    void invalidAllowOrDenyRuleIsBadInput() {
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "run", "--allow", "exa mple.com", "demo", "true"}))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cofferdam: invalid rule 'exa mple.com': ");
        err.reset();
        assertThat(CofferdamCommand.run(new String[] {"sandbox", "create", "demo", "--deny", "a..b"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cofferdam: invalid rule 'a..b': ");
    }

    @Test
    void runRefusesAnUnknownAgentOrTierBeforeAnyVmWork() {
        assertThat(CofferdamCommand.run(new String[] {"run", "copilot"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "cofferdam: unknown agent 'copilot': choose claude, codex, gemini or shell" + System.lineSeparator());
        err.reset();
        assertThat(CofferdamCommand.run(new String[] {"run", "shell", ".", "--policy", "paranoid"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("cofferdam: unknown tier 'paranoid'");
    }
}
