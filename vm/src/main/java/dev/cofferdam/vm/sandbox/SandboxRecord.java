package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.Accelerator;
import java.nio.file.Path;

/**
 * A sandbox as persisted. Immutable.
 *
 * @param spec          what it is made of
 * @param imageDir      the image it boots
 * @param accelerator   KVM or TCG, decided at its last start
 * @param accelNote     why TCG was chosen (empty under KVM)
 * @param wantRunning   whether the user wants it running (true until stop or rm)
 * @param qemuPid       pid of its QEMU, 0 if none
 * @param virtiofsdPid  pid of its virtiofsd, 0 if none
 * @param createdMs     creation time, epoch ms
 * @param startedMs     last start, epoch ms
 */
public record SandboxRecord(SandboxSpec spec, Path imageDir, Accelerator accelerator, String accelNote,
                            boolean wantRunning, long qemuPid, long virtiofsdPid, long createdMs, long startedMs) {

    public String name() {
        return spec.name();
    }

    SandboxRecord started(Path image, Accelerator accel, String note, long qemu, long virtiofsd, long now) {
        return new SandboxRecord(spec, image, accel, note, true, qemu, virtiofsd, createdMs, now);
    }

    SandboxRecord stopped() {
        return new SandboxRecord(spec, imageDir, accelerator, accelNote, false, 0, 0, createdMs, startedMs);
    }
}
