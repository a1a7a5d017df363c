package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SecretCommandTest {
    static final String VALUE = "sk-ant-test-0123456789abcdef";
    @TempDir
    Path config;
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @BeforeEach
    void redirect() {
        System.setProperty("cofferdam.config.dir", config.toString());
        System.setProperty("cofferdam.dbus.address", "");   // never the user's own keyring
    }

    @AfterEach
    void restore() {
        System.clearProperty("cofferdam.config.dir");
        System.clearProperty("cofferdam.dbus.address");
    }

    int run(String stdin, String... args) {
        std.reset();
        std.input(stdin);
        return CofferdamCommand.run(args);
    }

    @Test
    void setListRemoveNeverShowsOrStoresTheValueInClear() throws Exception {
        assertThat(run(VALUE + "\n", "secret", "set", "anthropic")).isZero();
        assertThat(std.out()).contains("api.anthropic.com")
                .contains("ANTHROPIC_API_KEY=cofferdam-anthropic-").doesNotContain(VALUE);
        Path vault = config.resolve("secrets/vault.enc");
        Path key = config.resolve("secrets/vault.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(new String(Files.readAllBytes(vault), StandardCharsets.ISO_8859_1)).doesNotContain(VALUE)
                .doesNotContain("anthropic");

        assertThat(run("", "secret", "set", "ci-bot", "--host", "Hooks.Example.", "--env", "CI_TOKEN")).isEqualTo(2);
        assertThat(std.err()).contains("no value");
        assertThat(run("tok\n", "secret", "set", "ci-bot", "--host", "Hooks.Example.", "--env", "CI_TOKEN")).isZero();
        assertThat(run("", "secret", "ls")).isZero();
        String listing = std.out();
        assertThat(listing).contains("anthropic\tANTHROPIC_API_KEY=").contains("ci-bot\tCI_TOKEN=")
                .contains("hooks.example").doesNotContain(VALUE).doesNotContain("tok\n");

        assertThat(run("", "secret", "rm", "anthropic")).isZero();
        assertThat(run("", "secret", "rm", "anthropic")).isEqualTo(2);
        assertThat(run("", "secret", "ls")).isZero();
        assertThat(std.out()).doesNotContain("anthropic").contains("ci-bot");
    }

    @Test
    void customServicesNeedHostsAndBadInputExitsTwo() {
        assertThat(run("v\n", "secret", "set", "mystery")).isEqualTo(2);
        assertThat(std.err()).startsWith("cofferdam: 'mystery' is not a known service");
        assertThat(run("v\n", "secret", "set", "x", "--host", "10.0.0.1")).isEqualTo(2);
        assertThat(run("v\n", "secret", "set", "Bad Name")).isEqualTo(2);
    }

    @Test
    void aTamperedVaultIsReportedNotIgnored() throws Exception {
        assertThat(run(VALUE + "\n", "secret", "set", "openai")).isZero();
        Path vault = config.resolve("secrets/vault.enc");
        byte[] b = Files.readAllBytes(vault);
        b[b.length - 1] ^= 1;
        Files.write(vault, b);
        assertThat(run("", "secret", "ls")).isEqualTo(2);
        assertThat(std.err()).contains("tampered");
    }
}
