package dev.cofferdam.vm.image.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.image.ImageInputException;
import dev.cofferdam.vm.image.ImageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to OCI template builds, against a real private dockerd: each gives one line saying
 * what to do, leaves no container in the engine and nothing in the image cache. Also what the
 * export keeps (owners, links) and what the guest root gains.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OciTemplatesTest {
    private TestDockerd dockerd;
    @TempDir
    Path tmp;

    @BeforeAll
    void startEngine() throws Exception {
        dockerd = TestDockerd.start();
    }

    @AfterAll
    void stopEngine() throws IOException {
        if (dockerd != null) {
            dockerd.close();
        }
    }

    private ImageStore store() {
        return new ImageStore(tmp.resolve("images"));
    }

    private OciTemplates oci(ImageStore store) {
        return new OciTemplates(store, dockerd.address(), true);
    }

    @Test
    void noEngineSocket() {
        OciTemplates oci = new OciTemplates(store(), new EngineAddress(tmp.resolve("none.sock")), true);
        assertThatThrownBy(() -> oci.fromImage("busybox", Optional.empty(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("no Docker Engine socket at " + tmp.resolve("none.sock")
                        + ": install and start it: apt-get install docker.io, then run dockerd");
        assertThat(tmp.resolve("images")).doesNotExist();
    }

    @Test
    void doctorSeesTheEngineAndItsVersionOrWhatIsMissing() {
        EngineStatus up = EngineStatus.probe(dockerd.address());
        assertThat(up.answering()).isTrue();
        assertThat(up.detail()).matches("Docker Engine \\S+ \\(API 1\\.\\d+\\) on " + java.util.regex.Pattern.quote(
                dockerd.socket().toString()));
        EngineStatus down = EngineStatus.probe(new EngineAddress(tmp.resolve("gone.sock")));
        assertThat(down.answering()).isFalse();
        assertThat(down.detail()).startsWith("no Docker Engine socket at ").endsWith("apt-get install docker.io, then run dockerd");
    }

    @Test
    void staleSocketOfAStoppedEngine() throws Exception {
        Path sock = tmp.resolve("stale.sock");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(sock));
        }
        assertThat(sock).exists();
        OciTemplates oci = new OciTemplates(store(), new EngineAddress(sock), true);
        assertThatThrownBy(() -> oci.fromImage("busybox", Optional.empty(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessageStartingWith("the Docker Engine at " + sock + " does not answer (")
                .hasMessageEndingWith("): install and start it: apt-get install docker.io, then run dockerd");
    }

    @Test
    void dockerHostMustBeAUnixSocket() throws Exception {
        assertThat(EngineAddress.from(Map.of("DOCKER_HOST", "unix:///run/user/0/docker.sock")).socket())
                .isEqualTo(Path.of("/run/user/0/docker.sock"));
        assertThat(EngineAddress.from(Map.of()).socket()).isEqualTo(Path.of("/var/run/docker.sock"));
        assertThatThrownBy(() -> EngineAddress.from(Map.of("DOCKER_HOST", "tcp://127.0.0.1:2375")))
                .isInstanceOf(ImageInputException.class).hasMessageStartingWith("DOCKER_HOST=tcp://127.0.0.1:2375 is not a Unix socket");
    }

    @Test
    void imageNotInTheEngine() throws Exception {
        ImageStore store = store();
        assertThatThrownBy(() -> oci(store).fromImage("no-such-image:1", Optional.empty(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("image no-such-image:1 is not in the local Docker Engine and cofferdam pulls nothing:"
                        + " build it from a Dockerfile (--dockerfile PATH)");
        assertNothingLeft(store);
    }

    @Test
    void dockerfileMissing() {
        Path missing = tmp.resolve("nowhere").resolve("Dockerfile");
        assertThatThrownBy(() -> oci(store()).fromDockerfile(missing, Optional.empty(), false, l -> { }, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class).hasMessage("no Dockerfile at " + missing);
    }

    @Test
    void failingBuildShowsItsLastLinesAndLeavesNothing() throws Exception {
        Path dockerfile = TestDockerd.busyboxContext(tmp.resolve("broken"),
                "RUN echo about-to-fail && false", "RUN echo never-reached");
        List<String> streamed = new ArrayList<>();
        ImageStore store = store();
        assertThatThrownBy(() -> oci(store).fromDockerfile(dockerfile, Optional.empty(), false, streamed::add,
                BuildListener.NONE))
                .isInstanceOfSatisfying(DockerBuildException.class, e -> {
                    assertThat(e.getMessage()).startsWith("docker build of " + dockerfile + " failed: ")
                            .contains("returned a non-zero code: 1").doesNotContain("\n");
                    assertThat(e.logTail()).contains("about-to-fail").doesNotContain("never-reached");
                });
        assertThat(streamed).contains("about-to-fail").anyMatch(l -> l.startsWith("Step 1/5 : FROM scratch"));
        assertNothingLeft(store);
    }

    @Test
    void builtInAndInvalidNamesAreRefusedBeforeAnyWork() {
        OciTemplates oci = oci(store());
        assertThatThrownBy(() -> oci.fromImage("busybox", Optional.of("tiny"), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("template name 'tiny' is taken by a built-in template: choose another with --name");
        assertThatThrownBy(() -> oci.fromImage("library/agent:latest", Optional.empty(), false, BuildListener.NONE))
                .hasMessageStartingWith("template name 'agent' is taken by a built-in template");
        assertThatThrownBy(() -> oci.fromImage("busybox", Optional.of("My_Box"), false, BuildListener.NONE))
                .hasMessageStartingWith("template name 'My_Box' is not valid: use lower-case letters, digits");
        assertThat(tmp.resolve("images")).doesNotExist();
    }

    @Test
    void notRoot() {
        OciTemplates oci = new OciTemplates(store(), dockerd.address(), false);
        assertThatThrownBy(() -> oci.fromImage("busybox", Optional.empty(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("building a template from an OCI image needs root (unpacking file owners, mkfs.ext4):"
                        + " run it with sudo");
    }

    @Test
    void imageWithoutAShellIsRefusedAndItsContainerRemoved() throws Exception {
        Path ctx = Files.createDirectories(tmp.resolve("noshell"));
        Files.writeString(ctx.resolve("hello.txt"), "hello\n");
        Files.writeString(ctx.resolve("Dockerfile"), "FROM scratch\nCOPY hello.txt /hello.txt\n");
        ImageStore store = store();
        assertThatThrownBy(() -> oci(store).fromDockerfile(ctx.resolve("Dockerfile"), Optional.of("noshell"), false,
                l -> { }, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("image " + ctx.resolve("Dockerfile")
                        + " has no /bin/sh: sandboxes need a shell; base it on an image with one");
        assertNothingLeft(store);
    }

    @Test
    void imageForAnotherCpuIsRefused() throws Exception {
        // An arm64 image made by hand in `docker save` layout and loaded: nothing to pull, nothing to emulate.
        Path dir = Files.createDirectories(tmp.resolve("arm"));
        Path layerRoot = Files.createDirectories(dir.resolve("root/bin"));
        Files.copy(Path.of("/bin/busybox"), layerRoot.resolve("busybox"));
        Files.createSymbolicLink(layerRoot.resolve("sh"), Path.of("busybox"));
        Path image = Files.createDirectories(dir.resolve("image/layer"));
        HostCommand.run(null, 60, List.of("tar", "-C", dir.resolve("root").toString(), "-cf",
                image.resolve("layer.tar").toString(), "."));
        String diff = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(image.resolve("layer.tar"))));
        Files.writeString(dir.resolve("image/config.json"), "{\"architecture\":\"arm64\",\"os\":\"linux\",\"config\":{},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + diff + "\"]}}");
        Files.writeString(dir.resolve("image/manifest.json"), "[{\"Config\":\"config.json\",\"RepoTags\":[\"armtest:1\"],"
                + "\"Layers\":[\"layer/layer.tar\"]}]");
        HostCommand.run(null, 60, List.of("tar", "-C", dir.resolve("image").toString(), "-cf",
                dir.resolve("image.tar").toString(), "."));
        try (DockerEngine engine = DockerEngine.connect(dockerd.address());
                java.io.InputStream in = Files.newInputStream(dir.resolve("image.tar"))) {
            engine.client().loadImageCmd(in).exec();
            assertThat(engine.architecture("armtest:1")).isEqualTo("arm64");
        }
        ImageStore store = store();
        assertThatThrownBy(() -> oci(store).fromImage("armtest:1", Optional.empty(), false, BuildListener.NONE))
                .isInstanceOf(ImageInputException.class)
                .hasMessage("image armtest:1 is built for arm64: sandboxes run amd64 (x86-64) guests; use an amd64 image");
        assertNothingLeft(store);
    }

    @Test
    void aKilledExportStillRemovesItsContainer() throws Exception {
        Path dockerfile = TestDockerd.busyboxContext(tmp.resolve("killed"));
        String id;
        try (DockerEngine engine = DockerEngine.connect(dockerd.address())) {
            id = new DockerfileBuild(l -> { }).build(engine, dockerfile, "cofferdam/killed:latest");
        }
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                ExportKilledMain.class.getName(), dockerd.socket().toString(), id).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("exporting")) {
                // skip log lines
            }
            assertThat(line).as("the helper reached the export").isEqualTo("exporting");
            try (DockerEngine engine = DockerEngine.connect(dockerd.address())) {
                assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).hasSize(1);
            }
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            p.destroyForcibly();
        }
        try (DockerEngine engine = DockerEngine.connect(dockerd.address())) {
            assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).as("removed on SIGTERM").isEmpty();
        }
    }

    @Test
    void exportKeepsOwnersModesAndLinks() throws Exception {
        Path dockerfile = TestDockerd.busyboxContext(tmp.resolve("owners"),
                "RUN mkdir -p /data && echo content > /data/file && chown 1234:5678 /data/file && chmod 640 /data/file"
                        + " && ln /data/file /data/hard && ln -s ../data/file /data/soft && mkdir /sticky && chmod 1777 /sticky");
        Path rootfs = Files.createDirectories(tmp.resolve("rootfs"));
        try (DockerEngine engine = DockerEngine.connect(dockerd.address())) {
            String id = new DockerfileBuild(l -> { }).build(engine, dockerfile, "cofferdam/owners:latest");
            new DockerRootfs(engine, "owners", id, "dockerfile").unpack(rootfs, tmp);
            assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).isEmpty();
        }
        Path file = rootfs.resolve("data/file");
        assertThat(Files.readString(file)).isEqualTo("content\n");
        assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
        assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(5678);
        assertThat(Files.getAttribute(file, "unix:mode")).isEqualTo(0100640);
        assertThat(Files.getAttribute(rootfs.resolve("data/hard"), "unix:ino")).isEqualTo(Files.getAttribute(file, "unix:ino"));
        assertThat(Files.readSymbolicLink(rootfs.resolve("data/soft"))).isEqualTo(Path.of("../data/file"));
        assertThat(Files.readSymbolicLink(rootfs.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
        assertThat(Files.getAttribute(rootfs.resolve("sticky"), "unix:mode")).isEqualTo(041777);
    }

    private void assertNothingLeft(ImageStore store) throws Exception {
        try (DockerEngine engine = DockerEngine.connect(dockerd.address())) {
            assertThat(engine.client().listContainersCmd().withShowAll(true).exec()).as("containers left").isEmpty();
        }
        if (Files.isDirectory(store.root())) {
            try (Stream<Path> s = Files.list(store.root())) {
                assertThat(s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".build.lock"))
                        .filter(n -> !n.equals("downloads")).toList()).as("left in the image cache").isEmpty();
            }
        }
    }
}
