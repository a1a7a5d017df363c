package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.secret.PrivateKeyring;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cofferdam secret} against a real Secret Service (gnome-keyring on a private bus): the
 * value lands in the keychain, {@code ls} names the backend, and when the keychain vanishes the
 * entries stay listed with a clear error and the way back.
 */
class SecretKeychainCommandTest {
    static final String VALUE = "sk-ant-keychain-0123456789abcdef";
    @TempDir
    Path dir;
    private PrivateKeyring keyring;
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @BeforeEach
    void start() throws Exception {
        assumeTrue(PrivateKeyring.missing().isEmpty(), PrivateKeyring.missing().orElse(""));
        keyring = PrivateKeyring.start(dir.resolve("keyring"));
        System.setProperty("cofferdam.config.dir", dir.resolve("config").toString());
        System.setProperty("cofferdam.dbus.address", keyring.address());
    }

    @AfterEach
    void stop() throws Exception {
        if (keyring == null) {
            return;
        }
        System.clearProperty("cofferdam.config.dir");
        System.clearProperty("cofferdam.dbus.address");
        keyring.close();
    }

    int run(String stdin, String... args) {
        std.reset();
        std.input(stdin);
        return CofferdamCommand.run(args);
    }

    @Test
    void theKeychainHoldsTheValueAndAVanishedKeychainIsNamedNotHidden() throws Exception {
        assertThat(run(VALUE + "\n", "secret", "set", "anthropic")).as(std.err()).isZero();
        assertThat(std.out()).contains("stored anthropic in the OS keychain (Secret Service)").doesNotContain(VALUE);
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "anthropic")).isEqualTo(VALUE);

        assertThat(run("", "secret", "ls")).isZero();
        assertThat(std.out()).startsWith("backend: OS keychain (Secret Service on unix:path=")
                .contains("anthropic\tANTHROPIC_API_KEY=cofferdam-anthropic-").contains("\tapi.anthropic.com\tkeychain\n")
                .doesNotContain(VALUE);

        assertThat(run("", "secret", "move", "--to", "file")).as(std.err()).isZero();
        assertThat(std.out()).isEqualTo("moved to the encrypted file: anthropic\n");
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "anthropic")).isEmpty();
        assertThat(run("", "secret", "move", "--to", "keychain")).as(std.err()).isZero();
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "anthropic")).isEqualTo(VALUE);
        assertThat(run("", "secret", "move", "--to", "keychain")).isZero();
        assertThat(std.out()).startsWith("nothing to move");

        keyring.stopKeyring();
        assertThat(run("", "secret", "ls")).isEqualTo(1);
        assertThat(std.out()).startsWith("backend: encrypted file ").contains("(auto: the OS keychain")
                .contains("anthropic\t").contains("\tkeychain (unreachable)\n");
        assertThat(std.err()).startsWith("cofferdam: anthropic is held in the OS keychain, which cannot be read now")
                .contains("cofferdam secret set NAME --backend file");

        assertThat(run("", "secret", "backend", "keychain")).isZero();
        assertThat(std.out()).contains("setting: keychain").contains("OS keychain required (setting: keychain) but");
        assertThat(run("v\n", "secret", "set", "openai")).isEqualTo(1);
        assertThat(std.err()).startsWith("cofferdam: the OS keychain (Secret Service) does not answer");
        assertThat(run("", "secret", "rm", "anthropic")).isEqualTo(1);
        assertThat(std.err()).contains("Credential 'anthropic' is held there");

        assertThat(run("moved-value\n", "secret", "set", "anthropic", "--backend", "file")).isZero();
        assertThat(std.out()).contains("stored anthropic in the encrypted file");
        assertThat(std.err()).contains("the old value of 'anthropic' stays in the OS keychain");
        assertThat(run("", "secret", "ls")).isZero();
        assertThat(std.out()).contains("\tapi.anthropic.com\tfile\n");
        assertThat(run("", "secret", "backend", "sideways")).isEqualTo(2);
        assertThat(std.err()).contains("unknown credential backend 'sideways'");
    }
}
