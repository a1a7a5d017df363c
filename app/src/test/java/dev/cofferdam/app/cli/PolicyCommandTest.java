package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCommandTest {
    @TempDir
    Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void redirect() {
        System.setProperty("cofferdam.config.dir", config.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        System.clearProperty("cofferdam.config.dir");
    }

    int run(String... args) {
        out.reset();
        err.reset();
        return CofferdamCommand.run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void initAllowDenyListAndCheck() throws Exception {
        assertThat(run("policy", "init", "locked-down")).isZero();
        assertThat(Files.readString(config.resolve("policy/global.policy"))).contains("tier locked-down");
        assertThat(run("policy", "allow", "*.allowed.example")).isZero();
        assertThat(run("policy", "deny", "evil.example", "--sandbox", "box")).isZero();
        assertThat(run("policy", "ls", "--sandbox", "box")).isZero();
        assertThat(out()).contains("tier locked-down").contains("allow *.allowed.example\t(global)")
                .contains("deny evil.example\t(sandbox box)");

        assertThat(run("policy", "check", "API.Allowed.Example.")).isZero();
        assertThat(out()).startsWith("allow api.allowed.example:443").contains("rule:   *.allowed.example");
        assertThat(run("policy", "check", "allowed.example")).isZero();
        assertThat(out()).startsWith("deny allowed.example:443").contains("rule:   (none)");
        assertThat(run("policy", "check", "evil.example:80", "--sandbox", "box")).isZero();
        assertThat(out()).startsWith("deny evil.example:80").contains("rule:   evil.example");
        assertThat(run("policy", "check", "2130706433:8080")).isZero();
        assertThat(out()).startsWith("deny 127.0.0.1:8080").contains("loopback");
    }

    @Test
    void malformedInputExitsTwoWithOneLine() {
        assertThat(run("policy", "check", "allowed.example:443.evil.example")).isEqualTo(2);
        assertThat(err()).startsWith("cofferdam: invalid port").doesNotContain("\tat ");
        assertThat(run("policy", "allow", "ex*ample.com")).isEqualTo(2);
        assertThat(err()).isEqualTo("cofferdam: invalid rule 'ex*ample.com': column 3: '*' may only be a whole "
                + "first label ('*.' for one label, '**.' for any depth)" + System.lineSeparator());
        assertThat(run("policy", "init", "lenient")).isEqualTo(2);
        assertThat(run("policy", "check", "a\u0000b.example")).isEqualTo(2);
        assertThat(run("policy", "ls", "--sandbox", "../x")).isEqualTo(2);
    }

    @Test
    void duplicatesAreRefusedAndRmRemoves() {
        assertThat(run("policy", "allow", "allowed.example")).isZero();
        assertThat(run("policy", "allow", "Allowed.Example.")).isEqualTo(2);
        assertThat(err()).contains("already present");
        assertThat(run("policy", "rm", "allowed.example")).isZero();
        assertThat(out()).contains("removed allow allowed.example");
        assertThat(run("policy", "rm", "allowed.example")).isEqualTo(2);
    }

    @Test
    void starIsAcceptedWithTheOpenWarning() {
        assertThat(run("policy", "allow", "*")).isZero();
        assertThat(err()).contains("warning").contains("Open tier");
        assertThat(run("policy", "deny", "**")).isEqualTo(2);
    }

    @Test
    void balancedListIsPrintedVerbatim() {
        assertThat(run("policy", "ls", "--balanced")).isZero();
        assertThat(out()).startsWith("# Cofferdam Balanced allowlist").contains("api.anthropic.com");
    }
}
