package dev.cofferdam.app.cli;

import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageInputException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.image.oci.EngineAddress;
import dev.cofferdam.vm.image.oci.OciTemplates;
import dev.cofferdam.vm.qemu.HostInfo;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cofferdam image build tiny|agent}, or a template from an OCI image through the local
 * Docker Engine: {@code --from-docker IMAGE} or {@code --dockerfile PATH}, with {@code --name}
 * and {@code --force}.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a template's image (tiny: Debian cloud kernel + busybox initramfs + exec agent;"
                + " agent: adds a Debian 13 root disk with git, Node.js, npm, Python and the Claude Code, Codex and Gemini CLIs; needs root, takes minutes).",
                "Or a template from an OCI image in the local Docker Engine (--from-docker) or built from a"
                + " Dockerfile (--dockerfile); needs root; nothing is pulled."})
final class ImageBuildCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "TEMPLATE", description = "Template: ${COMPLETION-CANDIDATES}",
            completionCandidates = ImageCommand.Templates.class)
    String template;

    @Option(names = "--from-docker", paramLabel = "IMAGE", description = "An image the local Docker Engine has (name:tag or id).")
    String image;

    @Option(names = "--dockerfile", paramLabel = "PATH", description = "A Dockerfile to build first (context: its folder).")
    Path dockerfile;

    @Option(names = "--name", paramLabel = "NAME", description = "Template name (default: from the image or the Dockerfile's folder).")
    String name;

    @Option(names = "--force", description = "Rebuild even if the template was built from the same image id.")
    boolean force;

    private boolean cached;

    @Override
    public Integer call() {
        int given = (template != null ? 1 : 0) + (image != null ? 1 : 0) + (dockerfile != null ? 1 : 0);
        if (given != 1) {
            return usage("give exactly one of TEMPLATE (" + String.join("|", ImageStore.TEMPLATES)
                    + "), --from-docker IMAGE or --dockerfile PATH");
        }
        if (template != null && (name != null || force)) {
            return usage("--name and --force go with --from-docker or --dockerfile");
        }
        long t0 = System.nanoTime();
        try {
            GuestImage built = template != null ? ImageCommand.store().build(template, VmCli.progress()) : oci();
            String from = built.source().isEmpty() ? "" : " from " + built.source();
            if (cached) {
                from += " (already built from this image id; --force rebuilds)";
            }
            System.out.printf("%s-%s kernel %s%s in %s (%d ms)%n", built.name(), built.version(),
                    built.kernelRelease(), from, built.dir(), (System.nanoTime() - t0) / 1_000_000);
            return CofferdamCommand.EXIT_OK;
        } catch (ImageException e) {
            boolean unknown = template != null && !ImageStore.TEMPLATES.contains(template);
            return VmCli.fail(e, unknown || e instanceof ImageInputException);
        }
    }

    private GuestImage oci() throws ImageException {
        OciTemplates oci = new OciTemplates(ImageCommand.store(), EngineAddress.fromEnvironment(), HostInfo.isRoot());
        Optional<String> n = Optional.ofNullable(name);
        BuildListener terminal = VmCli.progress();
        BuildListener progress = (step, done, total) -> {
            cached |= step.startsWith(ImageStore.ALREADY_BUILT);
            terminal.progress(step, done, total);
        };
        if (image != null) {
            return oci.fromImage(image, n, force, progress);
        }
        return oci.fromDockerfile(dockerfile, n, force, line -> System.out.println(line), progress);
    }

    private static int usage(String reason) {
        System.err.println("cofferdam: " + reason);
        return CofferdamCommand.EXIT_BAD_INPUT;
    }
}
