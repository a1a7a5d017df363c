package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Directory trees copied both ways through real guests: the tiny image (busybox tar) always,
 * the agent image (GNU tar) when it is in the IT image cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class SandboxCopyIT {
    @TempDir
    static Path data;
    private Path host;
    private SandboxService service;
    private final Map<String, String> booted = new HashMap<>();

    @BeforeAll
    void start() throws Exception {
        service = TestGuests.service(data, new RefusingEgressRelay());
    }

    @BeforeEach
    void hostDir() throws Exception {
        host = Files.createTempDirectory(data, "host");
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
    }

    /** The sandbox of that template, booted on first use. */
    private String guest(String template) throws Exception {
        if (template.equals("agent")) {
            assumeTrue(service.images().find("agent").isPresent(), "the agent image is not in the IT image cache");
        }
        if (!booted.containsKey(template)) {
            String name = "cp-" + template;
            service.create(new SandboxSpec(name, template, SandboxSpec.DEFAULT_CPUS, 512, Optional.empty(), false),
                    (s, d, t) -> { });
            booted.put(template, name);
        }
        return booted.get(template);
    }

    /** src/ (0750): bin/run.sh 0755, secret 0600, empty/, deep/er/file, link -> bin/run.sh, escape -> ../../etc/passwd. */
    private Path tree() throws Exception {
        Path src = Files.createDirectory(host.resolve("src"));
        Files.createDirectories(src.resolve("bin"));
        Files.createDirectories(src.resolve("empty"));
        Files.createDirectories(src.resolve("deep/er"));
        Files.writeString(src.resolve("bin/run.sh"), "#!/bin/sh\necho run\n");
        Files.writeString(src.resolve("secret"), "s3cret");
        Files.writeString(src.resolve("deep/er/file"), "x".repeat(100_000));
        Files.setPosixFilePermissions(src.resolve("bin/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(src.resolve("secret"), PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(src.resolve("link"), Path.of("bin/run.sh"));
        Files.createSymbolicLink(src.resolve("escape"), Path.of("../../etc/passwd"));
        Files.setPosixFilePermissions(src, PosixFilePermissions.fromString("rwxr-x---"));
        return src;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "agent"})
    void aTreeGoesInAndComesBackWithModesAndLinks(String template) throws Exception {
        String name = guest(template);
        Path src = tree();
        service.copyIn(name, src, "/tmp/t");
        TestGuests.Output o = TestGuests.run(service, name, "sh", "-c",
                "cd /tmp/t && stat -c '%a %n' . bin/run.sh secret empty && readlink link && readlink escape && cat link");
        assertThat(o.out()).isEqualTo("750 .\n755 bin/run.sh\n600 secret\n755 empty\n"
                + "bin/run.sh\n../../etc/passwd\n#!/bin/sh\necho run\n");

        Path back = host.resolve("back");
        service.copyOut(name, "/tmp/t", back);
        assertThat(describe(back)).isEqualTo(describe(src));
        assertThat(Files.readSymbolicLink(back.resolve("escape"))).isEqualTo(Path.of("../../etc/passwd"));

        // Onto existing directories: inside, under the source's name; with /. only the contents.
        Path into = Files.createDirectory(host.resolve("into"));
        service.copyOut(name, "/tmp/t", into);
        assertThat(describe(into.resolve("t"))).isEqualTo(describe(src));
        service.copyIn(name, src, "/tmp/t");
        service.copyIn(name, Path.of(src + "/."), "/tmp/merged");
        TestGuests.run(service, name, "sh", "-c", "echo old > /tmp/merged/old");
        service.copyIn(name, Path.of(src + "/."), "/tmp/merged");
        o = TestGuests.run(service, name, "sh", "-c", "ls /tmp/t/src; echo --; ls /tmp/merged; echo --;"
                + " ls -a /tmp | grep -c cofferdam-cp");
        assertThat(o.out()).isEqualTo("bin\ndeep\nempty\nescape\nlink\nsecret\n--\n"
                + "bin\ndeep\nempty\nescape\nlink\nold\nsecret\n--\n0\n");
        try (Stream<Path> left = Files.list(host)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".cofferdam-cp"));
        }
    }

    @Test
    void singleFilesKeepTheirModeAndReplaceFiles() throws Exception {
        String name = guest("tiny");
        Path tool = host.resolve("tool");
        Files.writeString(tool, "v1");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
        service.copyIn(name, tool, "/tmp/");
        Files.writeString(tool, "v2");
        service.copyIn(name, tool, "/tmp/tool");
        assertThat(TestGuests.run(service, name, "sh", "-c", "stat -c %a /tmp/tool; cat /tmp/tool").out()).isEqualTo("750\nv2");
        Path out = host.resolve("out");
        Files.writeString(out, "stale");
        service.copyOut(name, "/tmp/tool", out);
        assertThat(Files.readString(out)).isEqualTo("v2");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwxr-x---");
    }

    @Test
    void badSourcesAndTargetsAreRefusedAndLeaveNothing() throws Exception {
        String name = guest("tiny");
        Path dir = Files.createDirectory(host.resolve("d"));
        Files.writeString(dir.resolve("f"), "x");
        Path file = Files.writeString(host.resolve("name"), "x");
        TestGuests.run(service, name, "sh", "-c", "echo f > /tmp/afile; mkdir -p /tmp/x/name");

        assertRefused(() -> service.copyIn(name, host.resolve("missing"), "/tmp/y"), "cp: " + host.resolve("missing") + " does not exist");
        assertRefused(() -> service.copyIn(name, dir, "/no/such/dir/x"), "cp: /no/such/dir does not exist (the parent of the target must)");
        assertRefused(() -> service.copyIn(name, dir, "/tmp/afile"), "cp: cannot copy a directory onto the file /tmp/afile");
        assertRefused(() -> service.copyIn(name, file, "/tmp/x"), "cp: cannot copy a file onto the directory /tmp/x/name");
        assertRefused(() -> service.copyOut(name, "/nope", host.resolve("n")), "cp: /nope does not exist");
        assertRefused(() -> service.copyOut(name, "/tmp/x", host.resolve("no/such")),
                "cp: " + host.resolve("no") + " does not exist (the parent of the target must)");
        assertRefused(() -> service.copyOut(name, "/tmp/x", file), "cp: cannot copy a directory onto the file " + file);
        assertThatThrownBy(() -> service.copyIn(name, dir, "/proc/cofferdam"))
                .isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.isBadInput()).isFalse())
                .hasMessageStartingWith("cp to " + name + ":/proc/cofferdam failed: ");

        assertThat(TestGuests.run(service, name, "sh", "-c", "cat /tmp/afile; ls -a /tmp /proc | grep -c cofferdam").out())
                .isEqualTo("f\n0\n");
        try (Stream<Path> left = Files.list(host)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("d", "name");
        }
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SandboxException.class, e -> assertThat(e.isBadInput()).isTrue())
                .hasMessage(message);
    }

    /** Every entry below {@code root}: its kind, permissions, and content or link target. */
    private static Map<String, String> describe(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String perms = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String what = Files.isSymbolicLink(p) ? "link " + Files.readSymbolicLink(p)
                        : Files.isDirectory(p) ? "dir " + perms : "file " + perms + " " + Files.readString(p).hashCode();
                out.put(root.relativize(p).toString(), what);
            }
        }
        return out;
    }
}
