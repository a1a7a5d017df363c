package dev.cofferdam.app.run;

import dev.cofferdam.vm.sandbox.ExecRequest;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.SandboxException;
import dev.cofferdam.vm.sandbox.SandboxService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the transcripts an agent wrote during a run out of the guest, into the run's home folder
 * at the same relative path ({@code .claude/projects/...}), where the trace commands look. Only
 * files newer than the run's start marker are copied. Stateless.
 */
final class TranscriptCollector {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptCollector.class);

    private TranscriptCollector() {
    }

    /** @return the host paths written; a file that cannot be copied is logged and skipped */
    static List<String> collect(SandboxService sandboxes, String sandbox, RunAgent agent, Path home)
            throws SandboxException {
        List<String> out = new ArrayList<>();
        if (agent.transcriptDir().isEmpty()) {
            return out;
        }
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        ExecResult r = sandboxes.exec(sandbox, ExecRequest.of("sh", "-c",
                "cd /root 2>/dev/null && [ -d \"$0\" ] && find \"$0\" -type f -newer " + GuestSetup.START_MARKER
                        + " 2>/dev/null; true", agent.transcriptDir()),
                (isErr, data, len) -> {
                    if (!isErr) {
                        list.write(data, 0, len);
                    }
                });
        if (r.exitCode() != 0) {
            return out;
        }
        for (String rel : list.toString(StandardCharsets.UTF_8).split("\n")) {
            if (rel.isBlank() || rel.contains("..")) {
                continue;
            }
            Path target = home.resolve(rel).normalize();
            if (!target.startsWith(home)) {
                continue;
            }
            try {
                Files.createDirectories(target.getParent());
                sandboxes.copyOut(sandbox, "/root/" + rel, target);
                out.add(target.toString());
            } catch (IOException | SandboxException e) {
                LOG.warn("transcript {} of {} not copied: {}", rel, sandbox, e.getMessage());
            }
        }
        return out;
    }
}
