package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    @TempDir
    Path config;
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @BeforeEach
    void redirect() {
        System.setProperty("cofferdam.config.dir", config.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("cofferdam.config.dir");
    }

    int run(String... args) {
        std.reset();
        return CofferdamCommand.run(args);
    }

    @Test
    void initAllowDenyListAndCheck() throws Exception {
        assertThat(run("policy", "init", "locked-down")).isZero();
        assertThat(Files.readString(config.resolve("policy/global.policy"))).contains("tier locked-down");
        assertThat(run("policy", "allow", "*.allowed.example")).isZero();
        assertThat(run("policy", "deny", "evil.example", "--sandbox", "box")).isZero();
        assertThat(run("policy", "ls", "--sandbox", "box")).isZero();
        assertThat(std.out()).contains("tier locked-down").contains("allow *.allowed.example\t(global)")
                .contains("deny evil.example\t(sandbox box)");

        assertThat(run("policy", "check", "API.Allowed.Example.")).isZero();
        assertThat(std.out()).startsWith("allow api.allowed.example:443").contains("rule:   *.allowed.example");
        assertThat(run("policy", "check", "allowed.example")).isZero();
        assertThat(std.out()).startsWith("deny allowed.example:443").contains("rule:   (none)");
        assertThat(run("policy", "check", "evil.example:80", "--sandbox", "box")).isZero();
        assertThat(std.out()).startsWith("deny evil.example:80").contains("rule:   evil.example");
        assertThat(run("policy", "check", "2130706433:8080")).isZero();
        assertThat(std.out()).startsWith("deny 127.0.0.1:8080").contains("loopback");
    }

    @Test
    void malformedInputExitsTwoWithOneLine() {
        assertThat(run("policy", "check", "allowed.example:443.evil.example")).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: invalid port").doesNotContain("\tat ");
        assertThat(run("policy", "allow", "ex*ample.com")).isEqualTo(2);
        assertThat(std.err()).isEqualTo("cofferdam: invalid rule 'ex*ample.com': column 3: '*' may only be a whole "
                + "first label ('*.' for one label, '**.' for any depth)" + System.lineSeparator());
        assertThat(run("policy", "init", "lenient")).isEqualTo(2);
        assertThat(run("policy", "check", "a\u0000b.example")).isEqualTo(2);
        assertThat(run("policy", "ls", "--sandbox", "../x")).isEqualTo(2);
    }

    @Test
    void duplicatesAreRefusedAndRmRemoves() {
        assertThat(run("policy", "allow", "allowed.example")).isZero();
        assertThat(run("policy", "allow", "Allowed.Example.")).isEqualTo(2);
        assertThat(std.err()).contains("already present");
        assertThat(run("policy", "rm", "allowed.example")).isZero();
        assertThat(std.out()).contains("removed allow allowed.example");
        assertThat(run("policy", "rm", "allowed.example")).isEqualTo(2);
    }

    @Test
    void starIsAcceptedWithTheOpenWarning() {
        assertThat(run("policy", "allow", "*")).isZero();
        assertThat(std.err()).contains("warning").contains("Open tier");
        assertThat(run("policy", "deny", "**")).isEqualTo(2);
    }

    @Test
    void balancedListIsPrintedVerbatim() {
        assertThat(run("policy", "ls", "--balanced")).isZero();
        assertThat(std.out()).startsWith("# Cofferdam Balanced allowlist").contains("api.anthropic.com");
    }
}
