package dev.cofferdam.app.run;

import dev.cofferdam.vm.qemu.MachineSpec;
import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares a running guest for an agent: the reserved service names in {@code /etc/hosts}, the
 * agent's configuration files, a start marker for finding its new transcripts afterwards, and a
 * check that the agent's program is there. Stateless.
 */
final class GuestSetup {
    /** Touched when the agent starts; transcripts newer than it belong to the run. */
    static final String START_MARKER = "/root/.cofferdam/run-started";

    private GuestSetup() {
    }

    static void prepare(SandboxService sandboxes, String sandbox, RunAgent agent, GuestEndpoints endpoints,
            String template) throws RunException, SandboxException {
        Optional<String> binary = agent.binary();
        if (binary.isPresent()) {
            ExecResult r = sandboxes.exec(sandbox, ExecRequest.of("sh", "-c", "command -v \"$1\"", "sh", binary.get()),
                    (isErr, data, len) -> { });
            if (r.exitCode() != 0) {
                throw new RunException("the '" + template + "' template has no `" + binary.get() + "`: build the agent "
                        + "image again with `sudo cofferdam image build agent` (it installs the agent CLIs)", true);
            }
        }
        String names = String.join(" ", RunServices.guestNames());
        run(sandboxes, sandbox, "grep -q ' " + RunServices.guestNames()[0] + "' /etc/hosts 2>/dev/null || echo '"
                + MachineSpec.EGRESS_ADDRESS + " " + names + "' >> /etc/hosts; mkdir -p /root/.cofferdam && touch "
                + START_MARKER);
        for (Map.Entry<String, String> f : agent.configFiles(endpoints).entrySet()) {
            sandboxes.writeFile(sandbox, f.getKey(), f.getValue());
        }
    }

    private static void run(SandboxService sandboxes, String sandbox, String script)
            throws RunException, SandboxException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ExecResult r = sandboxes.exec(sandbox, ExecRequest.of("sh", "-c", script),
                (isErr, data, len) -> err.write(data, 0, len));
        if (r.exitCode() != 0) {
            throw new RunException("preparing the sandbox failed (/etc/hosts): "
                    + err.toString(StandardCharsets.UTF_8).strip(), false);
        }
    }
}
