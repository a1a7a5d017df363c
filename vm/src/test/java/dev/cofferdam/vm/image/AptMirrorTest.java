package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AptMirrorTest {
    @TempDir
    Path apt;

    @Test
    void readsTheUriOfTheDeb822StanzaServingTheSuite() throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/debian.sources"), """
                Types: deb
                # a comment line inside the stanza
                URIs: http://mirror.example/debian-security
                Suites: bookworm-security
                Components: main

                Types: deb-src deb
                URIs: cdrom:/media http://mirror.example/debian
                Suites: bookworm bookworm-updates
                Components: main
                Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
                """);
        assertThat(AptMirror.find(apt, "bookworm")).isEqualTo("http://mirror.example/debian");
    }

    @Test
    void disabledStanzasAndOtherSuitesAreSkipped() throws Exception {
        Files.createDirectories(apt.resolve("sources.list.d"));
        Files.writeString(apt.resolve("sources.list.d/a.sources"), """
                Types: deb
                URIs: http://off.example/debian
                Suites: bookworm
                Enabled: no

                Types: deb
                URIs: http://trixie.example/debian
                Suites: trixie
                """);
        Files.writeString(apt.resolve("sources.list.d/b.sources"), """
                Types: deb
                URIs: https://on.example/debian
                Suites: bookworm
                """);
        assertThat(AptMirror.find(apt, "bookworm")).isEqualTo("https://on.example/debian");
    }

    @Test
    void readsTheOneLineFormatWithOptionsAndComments() throws Exception {
        Files.writeString(apt.resolve("sources.list"), """
                # deb http://commented.example/debian bookworm main
                deb-src http://src.example/debian bookworm main
                deb [arch=amd64 signed-by=/usr/share/keyrings/k.gpg] http://one.example/debian bookworm main contrib
                """);
        assertThat(AptMirror.find(apt, "bookworm")).isEqualTo("http://one.example/debian");
    }

    @Test
    void noSourceForTheSuiteIsAClearError() throws Exception {
        Files.writeString(apt.resolve("sources.list"), "deb http://old.example/debian bullseye main\n");
        assertThatThrownBy(() -> AptMirror.find(apt, "bookworm")).isInstanceOf(ImageException.class)
                .hasMessageStartingWith("no apt source for Debian bookworm in " + apt);
    }

    @Test
    void aMirrorForTheWantedSuiteWinsElseTheHostsOwnReleaseMirrorServes() throws Exception {
        Files.writeString(apt.resolve("sources.list"), "deb http://host.example/debian bookworm main\n");
        assertThat(AptMirror.find(apt, List.of("trixie", "bookworm"))).isEqualTo("http://host.example/debian");
        Files.writeString(apt.resolve("sources.list"), "deb http://host.example/debian bookworm main\n"
                + "deb http://new.example/debian trixie main\n");
        assertThat(AptMirror.find(apt, List.of("trixie", "bookworm"))).isEqualTo("http://new.example/debian");
        assertThatThrownBy(() -> AptMirror.find(apt, List.of("forky", "bullseye"))).isInstanceOf(ImageException.class)
                .hasMessageStartingWith("no apt source for Debian forky in " + apt);
    }
}
