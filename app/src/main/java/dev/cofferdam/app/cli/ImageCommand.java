package dev.cofferdam.app.cli;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofferdam image build|ls}: guest images in the cache. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Build and list guest images.",
        subcommands = {ImageCommand.Build.class, ImageCommand.Ls.class})
public final class ImageCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    static ImageStore store() {
        return new ImageStore(VmDirs.defaults().images());
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build a template's image (tiny: Debian cloud kernel + busybox initramfs + exec agent;"
                    + " agent: adds a Debian 13 root disk with git, Node.js, npm, Python and the Claude Code, Codex and"
                    + " Gemini CLIs; needs root, takes minutes).")
    static final class Build implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "TEMPLATE", description = "Template: ${COMPLETION-CANDIDATES}",
                completionCandidates = Templates.class)
        String template;

        @Override
        public Integer call() {
            try {
                long t0 = System.nanoTime();
                GuestImage image = store().build(template, VmCli.progress());
                System.out.printf("%s-%s kernel %s in %s (%d ms)%n", image.name(), image.version(),
                        image.kernelRelease(), image.dir(), (System.nanoTime() - t0) / 1_000_000);
                return CofferdamCommand.EXIT_OK;
            } catch (ImageException e) {
                return VmCli.fail(e, !ImageStore.TEMPLATES.contains(template));
            }
        }
    }

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List built images.")
    static final class Ls implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                ImageStore store = store();
                System.out.printf("%-8s %-14s %-24s %-8s %s  %s%n", "NAME", "VERSION", "KERNEL", "CURRENT", "PATH", "TOOLS");
                for (GuestImage i : store.list()) {
                    String tools = i.tools().isEmpty() ? "-" : i.tools().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                    System.out.printf("%-8s %-14s %-24s %-8s %s  %s%n", i.name(), i.version(), i.kernelRelease(),
                            store.isCurrent(i) ? "yes" : "no", i.dir(), tools);
                }
                return CofferdamCommand.EXIT_OK;
            } catch (IOException | ImageException e) {
                return VmCli.fail(e, false);
            }
        }
    }

    /** Completion candidates for TEMPLATE. */
    static final class Templates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return ImageStore.TEMPLATES.iterator();
        }
    }
}
