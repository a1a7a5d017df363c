package dev.cofferdam.app.cli;

import dev.cofferdam.vm.image.HostCommand;
import dev.cofferdam.vm.image.ImageException;
import dev.cofferdam.vm.image.ImageInputException;
import dev.cofferdam.vm.image.ImageStore;
import dev.cofferdam.vm.image.oci.EngineAddress;
import dev.cofferdam.vm.image.oci.EngineStatus;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.qemu.AcceleratorProbe;
import dev.cofferdam.vm.qemu.HostInfo;
import dev.cofferdam.vm.qemu.QemuCommandLine;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.BackendStatus;
import dev.cofferdam.vm.secret.CredentialVault;
import dev.cofferdam.vm.secret.SecretException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cofferdam doctor}: what the sandboxes need on this host, each line ok or missing with its fix. */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check QEMU, KVM, virtiofsd, the guest image and its build tools, the Docker engine, and where "
                + "credentials are kept.")
public final class DoctorCommand implements Callable<Integer> {
    private boolean requiredMissing;

    @Override
    public Integer call() {
        VmDirs dirs = VmDirs.defaults();
        boolean qemu = HostCommand.onPath(QemuCommandLine.BINARY);
        line(qemu, true, "QEMU (" + QemuCommandLine.BINARY + ")", qemu ? version() : "apt-get install qemu-system-x86");
        Path virtiofsd = Path.of("/usr/lib/qemu/virtiofsd");
        line(Files.isExecutable(virtiofsd), true, "virtiofsd (workspaces)", Files.isExecutable(virtiofsd)
                ? virtiofsd.toString() : "apt-get install qemu-system-common");
        boolean root = HostInfo.isRoot();
        line(root, false, "workspace sharing (virtiofsd as root)", root ? "running as root"
                : "virtiofsd needs root for its namespace sandbox: run as root to use --workspace");
        ImageStore images = new ImageStore(dirs.images());
        Path kernel = null;
        try {
            var tiny = images.find("tiny");
            line(tiny.isPresent(), false, "image tiny", tiny.map(i -> i.dir() + " (kernel " + i.kernelRelease() + ")")
                    .orElse("cofferdam image build tiny (or it builds at the first sandbox create)"));
            kernel = tiny.map(i -> i.kernel()).orElse(null);
        } catch (ImageException e) {
            line(false, false, "image tiny", e.getMessage());
        }
        kvm(dirs, qemu, kernel);
        boolean gcc = HostCommand.onPath("gcc") && Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libc.a"));
        line(gcc, false, "gcc + static libc (image build)", gcc ? "gcc" : "apt-get install gcc libc6-dev");
        boolean busybox = Files.isRegularFile(Path.of("/bin/busybox"));
        line(busybox, false, "busybox (image build)", busybox ? "/bin/busybox" : "apt-get install busybox-static");
        boolean apt = HostCommand.onPath("apt-get") && HostCommand.onPath("dpkg-deb");
        line(apt, false, "apt-get + dpkg-deb (guest kernel)", apt ? "present" : "a Debian-based host is needed to fetch the kernel");
        docker();
        credentials();
        return requiredMissing ? CofferdamCommand.EXIT_INTERNAL : CofferdamCommand.EXIT_OK;
    }

    private void kvm(VmDirs dirs, boolean qemu, Path kernel) {
        if (!qemu || kernel == null) {
            line(false, false, "KVM", "unknown until QEMU and the tiny image exist; guests would use TCG");
            return;
        }
        AcceleratorProbe.Verdict v = new AcceleratorProbe(dirs.cache()).probe(kernel);
        boolean ok = v.accelerator() == Accelerator.KVM;
        line(ok, false, "KVM", ok ? v.reason() : "not usable, guests run under TCG (slow): " + v.reason());
    }

    /** Informational only: OCI templates need the engine, sandboxes do not. */
    private void docker() {
        EngineStatus status;
        try {
            status = EngineStatus.probe(EngineAddress.fromEnvironment());
        } catch (ImageInputException e) {
            status = new EngineStatus(false, e.getMessage());
        }
        line(status.answering(), false, "Docker engine (OCI templates, optional)", status.detail());
    }

    /** One line: which backend holds new credentials (the OS keychain or the encrypted file) and why. */
    private void credentials() {
        try {
            BackendStatus status = CredentialVault.open(CofferdamDirs.fromEnvironment().config()).status();
            line(status.reachable(), false, "credential backend", status.detail());
        } catch (SecretException e) {
            line(false, false, "credential backend", e.getMessage());
        }
    }

    private static String version() {
        try {
            return HostCommand.run(null, 10, List.of(QemuCommandLine.BINARY, "--version")).lines().findFirst().orElse("");
        } catch (IOException e) {
            return "present";
        }
    }

    private void line(boolean ok, boolean required, String what, String detail) {
        if (!ok && required) {
            requiredMissing = true;
        }
        System.out.printf("%-8s %-40s %s%n", ok ? "ok" : "missing", what, detail);
    }
}
