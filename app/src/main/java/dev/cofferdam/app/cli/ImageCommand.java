package dev.cofferdam.app.cli;

import dev.cofferdam.vm.image.GuestImage;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.sandbox.VmDirs;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code cofferdam image build|ls}: guest images in the cache, built-in templates and those from OCI images. */
@Command(name = "image", mixinStandardHelpOptions = true, description = "Build and list guest images.",
        subcommands = {ImageBuildCommand.class, ImageCommand.Ls.class})
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

    @Command(name = "ls", mixinStandardHelpOptions = true, description = "List built images.")
    static final class Ls implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                ImageStore store = store();
                List<GuestImage> images = store.list();
                int width = Math.max(8, images.stream().mapToInt(i -> i.name().length() + 1).max().orElse(0));
                int pathWidth = images.stream().mapToInt(i -> i.dir().toString().length()).max().orElse(4);
                String row = "%-" + width + "s %-14s %-24s %-8s %-" + pathWidth + "s %s  %s%n";
                System.out.printf(row, "NAME", "VERSION", "KERNEL", "CURRENT", "PATH", "SOURCE", "TOOLS");
                for (GuestImage i : images) {
                    String tools = i.tools().isEmpty() ? "-" : i.tools().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
                    System.out.printf(row, i.name(), i.version(), i.kernelRelease(), store.isCurrent(i) ? "yes" : "no",
                            i.dir(), i.source().isEmpty() ? "built-in" : i.source(), tools);
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
