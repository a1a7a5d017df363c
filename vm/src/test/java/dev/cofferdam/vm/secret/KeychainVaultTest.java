package dev.cofferdam.vm.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault with its values in a real Secret Service (gnome-keyring on a private bus): round trips,
 * values kept out of the file, moving between backends without loss, and a vanished, locked or
 * absent keychain giving a clear error instead of an empty answer. {@code secret-tool} (libsecret)
 * cross-checks what really is in the keyring.
 */
class KeychainVaultTest {
    static final String SECRET = "sk-keychain-held-value-4f1d2c";
    @TempDir
    Path dir;
    PrivateKeyring keyring;
    Path config;
    CredentialVault vault;

    @BeforeEach
    void startKeyring() throws Exception {
        assumeTrue(PrivateKeyring.missing().isEmpty(), PrivateKeyring.missing().orElse(""));
        keyring = PrivateKeyring.start(dir.resolve("keyring"));
        config = dir.resolve("config");
        vault = new CredentialVault(config, keyring.keychain(), BackendSetting.AUTO);
    }

    @AfterEach
    void stopKeyring() throws Exception {
        if (keyring != null) {
            keyring.close();
        }
    }

    static Credential custom() {
        return new Credential("custom", List.of("allowed.example"), "CUSTOM_TOKEN", "cofferdam-custom-placeholder-01");
    }

    @Test
    void setGetLsRmRoundTripThroughTheKeychain() throws Exception {
        BackendStatus status = vault.status();
        assertThat(status.target()).isEqualTo(SecretBackend.KEYCHAIN);
        assertThat(status.detail()).contains("OS keychain").contains(keyring.address().replaceAll(",guid=.*", ""));

        assertThat(vault.store(custom(), SECRET, null).heldIn()).isEqualTo(SecretBackend.KEYCHAIN);
        assertThat(vault.list()).containsExactly(custom());
        assertThat(vault.entries()).containsExactly(new VaultEntry(custom(), SecretBackend.KEYCHAIN));
        assertThat(vault.value("custom")).contains(SECRET);
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "custom")).isEqualTo(SECRET);

        assertThat(vault.remove("custom")).isTrue();
        assertThat(vault.list()).isEmpty();
        assertThat(keyring.secretTool("search", "--all", "application", "cofferdam")).doesNotContain("custom");
        assertThat(vault.remove("custom")).isFalse();
    }

    @Test
    void theValueNeverReachesTheFileBackend() throws Exception {
        vault.store(custom(), SECRET, null);
        EncryptedFileSecretStore.Entry e = vault.file().load().get("custom");
        assertThat(e.heldIn()).isEqualTo(SecretBackend.KEYCHAIN);
        assertThat(e.value()).isNull();
        assertThat(e.credential()).isEqualTo(custom());
        assertThatThrownBy(() -> vault.file().value("custom")).isInstanceOf(SecretException.class)
                .hasMessageContaining("held in the OS keychain");
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(config)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(texts).isNotEmpty().noneMatch(t -> t.contains(SECRET));
    }

    @Test
    void storingAgainReplacesTheOneItem() throws Exception {
        vault.store(custom(), "first-value", null);
        vault.store(custom(), SECRET, null);
        assertThat(vault.value("custom")).contains(SECRET);
        String all = keyring.secretTool("search", "--all", "--unlock", "application", "cofferdam");
        assertThat(all.split("attribute.service = custom", -1)).hasSize(2);
    }

    @Test
    void twoConfigDirectoriesKeepTheirOwnItems() throws Exception {
        CredentialVault other = new CredentialVault(dir.resolve("other"), keyring.keychain(), BackendSetting.AUTO);
        vault.store(custom(), SECRET, null);
        other.store(custom(), "the-other-installation", null);
        assertThat(vault.value("custom")).contains(SECRET);
        assertThat(other.value("custom")).contains("the-other-installation");
        other.remove("custom");
        assertThat(vault.value("custom")).contains(SECRET);
    }

    @Test
    void movingBetweenBackendsLosesNothing() throws Exception {
        CredentialVault fileOnly = new CredentialVault(config, keyring.keychain(), BackendSetting.FILE);
        assertThat(fileOnly.store(custom(), "held-in-the-file", null).heldIn()).isEqualTo(SecretBackend.FILE);
        // The setting changes to auto (keychain answers): the file-held value stays readable where it is.
        assertThat(vault.entries()).containsExactly(new VaultEntry(custom(), SecretBackend.FILE));
        assertThat(vault.value("custom")).contains("held-in-the-file");
        // Stored again, it moves to the keychain and leaves the file.
        vault.store(custom(), SECRET, null);
        assertThat(vault.file().load().get("custom").value()).isNull();
        assertThat(fileOnly.value("custom")).as("any vault reads it back").contains(SECRET);
        // And back to the file: the keychain item is deleted.
        StoreOutcome back = vault.store(custom(), "back-in-the-file", SecretBackend.FILE);
        assertThat(back).isEqualTo(new StoreOutcome(SecretBackend.FILE, java.util.Optional.empty()));
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "custom")).isEmpty();
        assertThat(vault.value("custom")).contains("back-in-the-file");
    }

    @Test
    void moveAllCarriesEveryValueToTheOtherBackendAndBack() throws Exception {
        CredentialVault fileOnly = new CredentialVault(config, keyring.keychain(), BackendSetting.FILE);
        Credential other = new Credential("other", List.of("other.example"), "OTHER_TOKEN", "cofferdam-other-03");
        fileOnly.put(custom(), SECRET);
        fileOnly.put(other, "other-value");
        assertThat(vault.moveAll(SecretBackend.KEYCHAIN)).containsExactly("custom", "other");
        assertThat(vault.entries()).extracting(VaultEntry::heldIn).containsOnly(SecretBackend.KEYCHAIN);
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "other")).isEqualTo("other-value");
        assertThat(vault.moveAll(SecretBackend.KEYCHAIN)).as("nothing left to move").isEmpty();

        assertThat(vault.moveAll(SecretBackend.FILE)).containsExactly("custom", "other");
        assertThat(vault.value("custom")).contains(SECRET);
        assertThat(vault.value("other")).contains("other-value");
        assertThat(keyring.secretTool("search", "--all", "application", "cofferdam")).doesNotContain("attribute.service");
        assertThat(keyring.secretTool("lookup", "application", "cofferdam", "service", "custom")).isEmpty();
    }

    @Test
    void aVanishedKeychainIsNamedWithItsFixAndComesBackIntact() throws Exception {
        vault.store(custom(), SECRET, null);
        keyring.stopKeyring();

        BackendStatus status = vault.status();
        assertThat(status.target()).isEqualTo(SecretBackend.FILE);
        assertThat(status.detail()).contains("auto: the OS keychain (Secret Service) does not answer");
        assertThat(vault.entries()).as("still listed, never an empty list")
                .containsExactly(new VaultEntry(custom(), SecretBackend.KEYCHAIN));
        assertThatThrownBy(() -> vault.value("custom")).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("does not answer")
                .hasMessageContaining("Credential 'custom' is held there")
                .hasMessageContaining("cofferdam secret set custom --backend file");
        assertThatThrownBy(() -> vault.remove("custom")).isInstanceOf(KeychainUnavailableException.class);
        List<String> problems = new ArrayList<>();
        assertThat(vault.injectable(problems::add)).isEmpty();
        assertThat(problems).singleElement().asString().contains("does not answer");

        CredentialVault required = new CredentialVault(config, keyring.keychain(), BackendSetting.KEYCHAIN);
        Credential other = new Credential("other", List.of("other.example"), "OTHER_TOKEN", "cofferdam-other-02");
        assertThatThrownBy(() -> required.store(other, "v", null)).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("does not answer");
        assertThat(required.list()).as("nothing half-stored").containsExactly(custom());

        keyring.startKeyring();
        assertThat(vault.value("custom")).contains(SECRET);
    }

    @Test
    void aLockedKeychainIsNotReadBehindTheUsersBack() throws Exception {
        vault.store(custom(), SECRET, null);
        keyring.lock();
        List<String> problems = new ArrayList<>();
        assertThat(vault.injectable(problems::add)).as("the proxy never prompts").isEmpty();
        assertThat(problems).singleElement().asString().contains("is locked");
        // An interactive read shows the unlock prompt; nobody can answer it here.
        assertThatThrownBy(() -> vault.value("custom")).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("is locked")
                .hasMessageContaining("cofferdam secret set custom --backend file");
        assertThat(vault.entries()).containsExactly(new VaultEntry(custom(), SecretBackend.KEYCHAIN));
    }

    @Test
    void withoutASessionBusAutoMeansTheFileAndKeychainEntriesSaySo() throws Exception {
        vault.store(custom(), SECRET, null);
        CredentialVault noBus = new CredentialVault(config, null, BackendSetting.AUTO);
        BackendStatus status = noBus.status();
        assertThat(status.target()).isEqualTo(SecretBackend.FILE);
        assertThat(status.detail()).contains("DBUS_SESSION_BUS_ADDRESS is not set");
        assertThatThrownBy(() -> noBus.value("custom")).isInstanceOf(KeychainUnavailableException.class)
                .hasMessageContaining("held in the OS keychain").hasMessageContaining("no session bus");
        assertThat(noBus.list()).containsExactly(custom());
    }
}
