package dev.cofferdam.vm.qemu;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@code qemu-system-x86_64} command line of a microVM. Stateless and thread-safe.
 * The network is always user-mode with {@code restrict=on}: the guest's only way out is the
 * egress address, which QEMU forwards to the relay command.
 */
public final class QemuCommandLine {
    public static final String BINARY = "qemu-system-x86_64";

    private QemuCommandLine() {
    }

    public static List<String> build(MachineSpec spec) {
        List<String> a = new ArrayList<>();
        boolean shared = spec.virtiofsSocket().isPresent();
        String machine = "microvm,pit=on,pic=off,rtc=on,isa-serial=on" + (shared ? ",memory-backend=mem" : "");
        add(a, BINARY, "-name", "cofferdam-" + spec.name(), "-M", machine,
                "-accel", spec.accelerator().qemuName(), "-cpu", spec.accelerator().cpuModel(),
                "-m", spec.memoryMiB() + "M", "-smp", String.valueOf(spec.cpus()),
                "-nodefaults", "-no-user-config", "-nographic", "-no-reboot",
                "-kernel", spec.kernel().toString(), "-initrd", spec.initrd().toString(),
                "-append", kernelCmdline(spec),
                "-serial", "file:" + spec.consoleLog(),
                "-qmp", "unix:" + spec.qmpSocket() + ",server=on,wait=off",
                "-pidfile", spec.pidFile().toString(),
                "-global", "virtio-mmio.force-legacy=false",
                "-device", "virtio-serial-device,id=vs0");
        for (int i = 0; i < spec.execPorts(); i++) {
            add(a, "-chardev", "socket,id=exec" + i + ",path=" + spec.execSocket(i) + ",server=on,wait=off",
                    "-device", "virtserialport,bus=vs0.0,chardev=exec" + i + ",name=cofferdam.exec." + i);
        }
        add(a, "-netdev", "user,id=n0,restrict=on,ipv6=off,guestfwd=tcp:" + MachineSpec.EGRESS_ADDRESS + ":"
                        + MachineSpec.EGRESS_PORT + "-cmd:" + shellJoin(spec.relayCommand()),
                "-device", "virtio-net-device,netdev=n0");
        spec.virtiofsSocket().ifPresent(sock -> add(a,
                "-object", "memory-backend-memfd,id=mem,size=" + spec.memoryMiB() + "M,share=on",
                "-chardev", "socket,id=fs0,path=" + sock,
                "-device", "vhost-user-fs-device,chardev=fs0,tag=" + MachineSpec.WORKSPACE_TAG));
        // Root disk (agent template): the sandbox's own qcow2 overlay on the shared read-only base.
        spec.rootDisk().ifPresent(disk -> add(a,
                "-drive", "id=root,if=none,format=qcow2,cache=writeback,file=" + disk.toString().replace(",", ",,"),
                "-device", "virtio-blk-device,drive=root"));
        return a;
    }

    static String kernelCmdline(MachineSpec spec) {
        StringBuilder s = new StringBuilder("console=ttyS0 quiet panic=-1");
        if (spec.accelerator() == Accelerator.TCG && spec.tscKhz() > 0) {
            // Without it the TCG guest calibrates against an emulated timer and may hang at boot.
            // TCG's TSC follows the host clock, so it is reliable: without tsc=reliable the guest
            // falls back to the jiffies clocksource and a periodic 250 Hz tick that costs host CPU.
            s.append(" tsc_early_khz=").append(spec.tscKhz()).append(" tsc=reliable");
        }
        s.append(" cdports=").append(spec.execPorts()).append(" cdname=").append(spec.name());
        if (spec.rootDisk().isPresent()) {
            s.append(" cdroot=vda");
        }
        return s.toString();
    }

    /**
     * Joins a command for slirp's {@code cmd:} (split like a shell does); commas are doubled
     * because QEMU's option parser treats a single comma as the next option.
     */
    static String shellJoin(List<String> command) {
        List<String> quoted = new ArrayList<>();
        for (String arg : command) {
            quoted.add(arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted).replace(",", ",,");
    }

    private static void add(List<String> list, String... items) {
        list.addAll(List.of(items));
    }
}
