package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.vm.policy.PolicyDocument;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Rule;
import dev.cofferdam.vm.policy.Tier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The network flags of {@code sandbox create/run} write the sandbox's own policy file (no VM needed). */
class SandboxPolicyFlagsTest {
    @TempDir
    Path config;

    @BeforeEach
    void useTempConfig() {
        System.setProperty("cofferdam.config.dir", config.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("cofferdam.config.dir");
    }

    @Test
    void flagsSetTheTierAndAddRulesOnce() throws Exception {
        SandboxCreateCommand create = new SandboxCreateCommand();
        new CommandLine(create).parseArgs("--policy", "locked-down", "--allow", "api.example:443",
                "--allow", "127.0.0.1:8080", "--deny", "**.tracker.example", "box");
        create.network.edit().apply("box");
        create.network.edit().apply("box");
        PolicyDocument doc = new PolicyStore(config).read("box");
        assertThat(doc.tier()).contains(Tier.LOCKED_DOWN);
        assertThat(doc.rules()).extracting(Rule::line)
                .containsExactlyInAnyOrder("allow api.example:443", "allow 127.0.0.1:8080", "deny **.tracker.example");
        assertThat(new PolicyStore(config).read(null)).isEqualTo(PolicyDocument.EMPTY);
    }

    @Test
    void runFlagsEditAnExistingPolicyAndRmForgetsIt() throws Exception {
        SandboxRunCommand first = new SandboxRunCommand();
        new CommandLine(first).parseArgs("--policy", "open", "box", "true");
        first.network.edit().apply("box");
        SandboxRunCommand second = new SandboxRunCommand();
        new CommandLine(second).parseArgs("--deny", "evil.example", "box", "true");
        second.network.edit().apply("box");
        PolicyDocument doc = new PolicyStore(config).read("box");
        assertThat(doc.tier()).contains(Tier.OPEN);
        assertThat(doc.rules()).extracting(Rule::line).containsExactly("deny evil.example");
        SandboxPolicyFlags.forget("box");
        assertThat(Files.exists(new PolicyStore(config).file("box"))).isFalse();
    }
}
