package dev.cofferdam.vm.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QemuCommandLineTest {
    private static MachineSpec spec(Accelerator accel, Optional<Path> fs) {
        return new MachineSpec("demo", 2, 512, accel, 2_596_122, Path.of("/img/vmlinuz"), Path.of("/img/initrd.gz"),
                Path.of("/run/sb"), 2, fs, List.of("/img/cofferdam-relay", "unix:/run/sb/egress.sock"));
    }

    @Test
    void networkIsAlwaysRestrictedUserModeWithOnlyTheEgressForward() {
        List<String> args = QemuCommandLine.build(spec(Accelerator.TCG, Optional.empty()));
        String netdev = args.get(args.indexOf("-netdev") + 1);
        assertThat(netdev).startsWith("user,").contains(",restrict=on,").contains("ipv6=off")
                .endsWith("guestfwd=tcp:10.0.2.100:3128-cmd:/img/cofferdam-relay unix:/run/sb/egress.sock");
        assertThat(String.join(" ", args)).doesNotContain("restrict=off").doesNotContain("hostfwd");
    }

    @Test
    void tcgGetsTheTscHintAndMaxCpuKvmGetsHostCpu() {
        List<String> tcg = QemuCommandLine.build(spec(Accelerator.TCG, Optional.empty()));
        assertThat(tcg.get(tcg.indexOf("-append") + 1)).contains("tsc_early_khz=2596122 tsc=reliable")
                .contains("console=ttyS0");
        assertThat(tcg.get(tcg.indexOf("-cpu") + 1)).isEqualTo("max");
        List<String> kvm = QemuCommandLine.build(spec(Accelerator.KVM, Optional.empty()));
        assertThat(kvm.get(kvm.indexOf("-append") + 1)).doesNotContain("tsc_early_khz").doesNotContain("tsc=");
        assertThat(kvm.get(kvm.indexOf("-cpu") + 1)).isEqualTo("host");
        assertThat(kvm.get(kvm.indexOf("-accel") + 1)).isEqualTo("kvm");
    }

    @Test
    void execPortsAreVirtioSerialPortsOnUnixSockets() {
        String all = String.join(" ", QemuCommandLine.build(spec(Accelerator.TCG, Optional.empty())));
        assertThat(all).contains("-chardev socket,id=exec0,path=/run/sb/exec0.sock,server=on,wait=off")
                .contains("-device virtserialport,bus=vs0.0,chardev=exec1,name=cofferdam.exec.1")
                .doesNotContain("exec2").contains("-qmp unix:/run/sb/qmp.sock,server=on,wait=off");
    }

    @Test
    void workspaceAddsVhostUserFsWithASharedMemfdBackendOfTheVmSize() {
        List<String> args = QemuCommandLine.build(spec(Accelerator.TCG, Optional.of(Path.of("/run/sb/fs.sock"))));
        String all = String.join(" ", args);
        assertThat(args.get(args.indexOf("-M") + 1)).endsWith(",memory-backend=mem");
        assertThat(all).contains("memory-backend-memfd,id=mem,size=512M,share=on")
                .contains("vhost-user-fs-device,chardev=fs0,tag=workspace")
                .contains("virtio-mmio.force-legacy=false");
        assertThat(String.join(" ", QemuCommandLine.build(spec(Accelerator.TCG, Optional.empty()))))
                .doesNotContain("vhost-user-fs").doesNotContain("memory-backend");
    }

    @Test
    void relayCommandIsQuotedForSlirpAndCommasAreEscapedForQemu() {
        assertThat(QemuCommandLine.shellJoin(List.of("/a b/relay", "unix:/x,y"))).isEqualTo("'/a b/relay' 'unix:/x,,y'");
    }

    @Test
    void tscFrequencyIsReadFromCpuinfo() {
        assertThat(HostInfo.parseCpuinfo("processor\t: 0\ncpu MHz\t\t: 2596.122\n").getAsLong()).isEqualTo(2_596_122);
        assertThat(HostInfo.parseCpuinfo("processor\t: 0\n")).isEmpty();
    }

    @Test
    void aRootDiskIsAQcow2VirtioBlockDeviceAndTheGuestIsToldToBootFromIt() {
        MachineSpec base = spec(Accelerator.TCG, Optional.empty());
        MachineSpec disk = new MachineSpec(base.name(), base.cpus(), base.memoryMiB(), base.accelerator(), base.tscKhz(),
                base.kernel(), base.initrd(), base.runDir(), base.execPorts(), base.virtiofsSocket(),
                base.relayCommand(), Optional.of(Path.of("/data/sb/root.qcow2")));
        List<String> args = QemuCommandLine.build(disk);
        assertThat(args.get(args.indexOf("-drive") + 1)).isEqualTo("id=root,if=none,format=qcow2,cache=writeback,file=/data/sb/root.qcow2");
        assertThat(String.join(" ", args)).contains("-device virtio-blk-device,drive=root");
        assertThat(args.get(args.indexOf("-append") + 1)).endsWith(" cdroot=vda");
        List<String> none = QemuCommandLine.build(base);
        assertThat(none).doesNotContain("-drive");
        assertThat(none.get(none.indexOf("-append") + 1)).doesNotContain("cdroot");
    }
}
