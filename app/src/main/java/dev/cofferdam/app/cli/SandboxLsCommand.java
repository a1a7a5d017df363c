package dev.cofferdam.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cofferdam sandbox ls [--json]}: every sandbox with state and resource use. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List sandboxes with state, uptime, CPU and memory.")
final class SandboxLsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "Print JSON ({\"schema\":1,\"sandboxes\":[...]}).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (SandboxService service = VmCli.service()) {
            List<SandboxInfo> list = service.list();
            System.out.println(json ? json(list) : table(list));
            return CofferdamCommand.EXIT_OK;
        } catch (SandboxException e) {
            return VmCli.fail(e);
        }
    }

    static String json(List<SandboxInfo> list) throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode().put("schema", 1);
        ArrayNode arr = root.putArray("sandboxes");
        for (SandboxInfo i : list) {
            ObjectNode n = arr.addObject().put("name", i.name()).put("state", i.state().name().toLowerCase(Locale.ROOT))
                    .put("template", i.template()).put("cpus", i.cpus()).put("memoryMiB", i.memoryMiB())
                    .put("accelerator", i.accelerator().name().toLowerCase(Locale.ROOT)).put("warning", i.warning())
                    .put("pid", i.pid()).put("uptimeMs", i.uptimeMs())
                    .put("cpuPercent", Math.round(i.cpuPercent() * 10) / 10.0)
                    .put("vcpuPercent", Math.round(i.vcpuPercent() * 10) / 10.0).put("rssKiB", i.rssKiB());
            n.put("workspace", i.workspace().orElse(null));
            n.put("clone", i.cloned());
        }
        return m.writeValueAsString(root);
    }

    static String table(List<SandboxInfo> list) {
        StringBuilder s = new StringBuilder(String.format("%-20s %-8s %-8s %4s %6s %9s %6s %7s %-4s %s",
                "NAME", "STATE", "TEMPLATE", "CPUS", "MEMORY", "UPTIME", "CPU%", "RSS", "ACCEL", "WORKSPACE"));
        for (SandboxInfo i : list) {
            s.append('\n').append(String.format(Locale.ROOT, "%-20s %-8s %-8s %4d %5dM %9s %6.1f %6dM %-5s %s",
                    i.name(), i.state().name().toLowerCase(Locale.ROOT), i.template(), i.cpus(), i.memoryMiB(),
                    uptime(i.uptimeMs()), i.cpuPercent(), i.rssKiB() / 1024,
                    i.accelerator().name().toLowerCase(Locale.ROOT),
                    i.workspace().map(w -> i.cloned() ? w + " (clone)" : w).orElse("-")));
        }
        return s.toString();
    }

    private static String uptime(long ms) {
        if (ms == 0) {
            return "-";
        }
        long s = ms / 1000;
        return s < 3600 ? String.format("%dm%02ds", s / 60, s % 60) : String.format("%dh%02dm", s / 3600, s / 60 % 60);
    }
}
