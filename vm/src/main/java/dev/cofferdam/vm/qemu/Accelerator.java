package dev.cofferdam.vm.qemu;

/** How QEMU runs guest code: hardware virtualization, or the TCG software emulator. */
public enum Accelerator {
    KVM("kvm", "host"),
    TCG("tcg", "max");

    private final String qemuName;
    private final String cpuModel;

    Accelerator(String qemuName, String cpuModel) {
        this.qemuName = qemuName;
        this.cpuModel = cpuModel;
    }

    public String qemuName() {
        return qemuName;
    }

    public String cpuModel() {
        return cpuModel;
    }
}
