package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.image.oci.OciTemplates;
import dev.cofferdam.vm.image.oci.TestDockerd;
import dev.cofferdam.vm.qemu.HostInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A template from a Dockerfile, end to end: a private dockerd builds a busybox image that writes a
 * marker file (with a hard link and a foreign owner), the template is packed from its export, and
 * a real guest boots from it (TCG, egress refused) and reads the files back. Removes its sandbox,
 * template and engine afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class SandboxOciTemplateIT {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxOciTemplateIT.class);
    private static final String TEMPLATE = "oci-it-marker";
    @TempDir
    static Path data;
    @TempDir
    static Path context;
    private TestDockerd dockerd;
    private SandboxService service;
    private final List<Path> built = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        assumeTrue(HostInfo.isRoot(), "building a template from an OCI image needs root");
        dockerd = TestDockerd.start();
        service = TestGuests.service(data, new RefusingEgressRelay());
    }

    @AfterAll
    void cleanup() throws Exception {
        TestGuests.closeAll(service);
        for (Path dir : built) {
            ImageStore.deleteTree(dir);
        }
        if (dockerd != null) {
            dockerd.close();
        }
    }

    @Test
    void aSandboxBootsFromATemplateBuiltFromADockerfile() throws Exception {
        Path dockerfile = TestDockerd.busyboxContext(context.resolve("marker"),
                "RUN echo written-by-the-dockerfile > /marker && ln /marker /marker-hard"
                        + " && mkdir /owned && chown 1234:5678 /owned");
        OciTemplates oci = new OciTemplates(service.images(), dockerd.address(), true);
        List<String> buildLog = new ArrayList<>();
        long t0 = System.nanoTime();
        GuestImage image = oci.fromDockerfile(dockerfile, Optional.of(TEMPLATE), false, buildLog::add,
                (step, done, total) -> LOG.info("template [{}/{}] {}", done, total, step));
        built.add(image.dir());
        LOG.info("template {} built in {} ms", image.name(), (System.nanoTime() - t0) / 1_000_000);
        assertThat(buildLog).anyMatch(l -> l.startsWith("Successfully built "));
        assertThat(image.source()).startsWith("dockerfile " + dockerfile + " sha256:");
        assertThat(image.hasDisk()).isTrue();
        assertThat(service.images().find(TEMPLATE)).contains(image);
        assertThat(service.images().isCurrent(image)).isTrue();
        assertThat(service.images().known()).as("listed in unknown-template messages").contains("tiny", "agent", TEMPLATE);

        long diskTime = Files.getLastModifiedTime(image.disk()).toMillis();
        GuestImage again = oci.fromDockerfile(dockerfile, Optional.of(TEMPLATE), false, l -> { }, (s, d, n) -> { });
        assertThat(again).as("same image id: nothing rebuilt").isEqualTo(image);
        assertThat(Files.getLastModifiedTime(image.disk()).toMillis()).isEqualTo(diskTime);
        GuestImage forced = oci.fromDockerfile(dockerfile, Optional.of(TEMPLATE), true, l -> { }, (s, d, n) -> { });
        built.add(forced.dir());
        assertThat(forced.dir()).as("--force builds a new version").isNotEqualTo(image.dir());
        assertThat(service.images().find(TEMPLATE)).as("and makes it current").contains(forced);
        assertThat(image.disk()).as("the old disk stays for sandboxes on it").isRegularFile();
        assertThat(service.images().isCurrent(image)).isFalse();
        try (Stream<Path> left = Files.list(service.images().root())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".old-")
                    || n.startsWith(".work-") || n.startsWith(".out-"));
        }

        // Another image takes the name; building the first one again only makes its earlier build current.
        Path other = TestDockerd.busyboxContext(context.resolve("other"), "RUN echo other > /marker");
        GuestImage replaced = oci.fromDockerfile(other, Optional.of(TEMPLATE), false, l -> { }, (s, d, n) -> { });
        built.add(replaced.dir());
        assertThat(service.images().find(TEMPLATE)).contains(replaced);
        List<String> steps = new ArrayList<>();
        GuestImage back = oci.fromDockerfile(dockerfile, Optional.of(TEMPLATE), false, l -> { }, (s, d, n) -> steps.add(s));
        assertThat(back).isEqualTo(image);
        assertThat(steps).anyMatch(s -> s.startsWith(ImageStore.ALREADY_BUILT)).noneMatch(s -> s.startsWith("writing"));
        assertThat(service.images().find(TEMPLATE)).as("current again").contains(image);

        long t1 = System.nanoTime();
        service.create(new SandboxSpec("oci-a", TEMPLATE, SandboxSpec.DEFAULT_CPUS, 256, Optional.empty(), false),
                (s, d, n) -> { });
        LOG.info("sandbox on {} booted in {} ms", TEMPLATE, (System.nanoTime() - t1) / 1_000_000);
        assertThat(guest("cat", "/marker")).isEqualTo("written-by-the-dockerfile\n");
        assertThat(guest("stat", "-c", "%u:%g", "/owned")).isEqualTo("1234:5678\n");
        assertThat(guest("stat", "-c", "%h %i", "/marker")).isEqualTo(guest("stat", "-c", "%h %i", "/marker-hard"))
                .startsWith("2 ");
        assertThat(guest("cat", "/etc/hostname")).isEqualTo("sandbox\n");
        assertThat(guest("cat", "/etc/resolv.conf")).isEmpty();
        assertThat(guest("sh", "-c", "mkdir -p /work/new && echo ok > /work/new/f && cat /work/new/f")).isEqualTo("ok\n");

        service.remove("oci-a");
        assertThat(data.resolve("sandboxes").resolve("oci-a")).doesNotExist();
        ImageStore.deleteTree(image.dir());
        assertThat(service.images().find(TEMPLATE)).as("the newest remaining build").contains(replaced);
        ImageStore.deleteTree(replaced.dir());
        ImageStore.deleteTree(forced.dir());
        assertThat(service.images().find(TEMPLATE)).isEmpty();
    }

    private String guest(String... argv) throws Exception {
        TestGuests.Output o = TestGuests.run(service, "oci-a", argv);
        assertThat(o.code()).as(String.join(" ", argv) + ": " + o.err()).isZero();
        return o.out();
    }
}
