package dev.cofferdam.app.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofferdam.app.cli.CofferdamCommand;
import dev.cofferdam.app.mcp.TestRepo;
import dev.cofferdam.vm.egress.EgressQuery;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.Resolver;
import dev.cofferdam.vm.image.BuildListener;
import dev.cofferdam.vm.policy.CofferdamDirs;
import dev.cofferdam.vm.policy.PolicyStore;
import dev.cofferdam.vm.policy.Tier;
import dev.cofferdam.vm.qemu.Accelerator;
import dev.cofferdam.vm.sandbox.ExecResult;
import dev.cofferdam.vm.sandbox.ProxyEgressRelay;
import dev.cofferdam.vm.sandbox.SandboxInfo;
import dev.cofferdam.vm.sandbox.SandboxService;
import dev.cofferdam.vm.sandbox.SandboxState;
import dev.cofferdam.vm.sandbox.VmDirs;
import dev.cofferdam.vm.secret.EncryptedFileSecretStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole {@code cofferdam run shell} session in a real guest (tiny template, TCG, {@code restrict=on}
 * networking as always): the shell edits the mounted repository, reaches the run's MCP server through
 * the egress proxy port by its reserved name (origin form, through the guest's /etc/hosts), posts a
 * hook to the trace receiver the same way, sends a GET to the receiver through HTTP_PROXY (absolute
 * form), then exits; the sandbox stops, and
 * {@code cofferdam review --run} lists exactly the session's changes (not the uncommitted change
 * that was there before it) with their blast radius.
 */
@Tag("qemu")
class RunShellIT {
    private static final String NAME = "run-it";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aShellSessionEditsTheRepositoryAndTheReviewShowsWhatItChanged() throws Exception {
        TestRepo repo = TestRepo.create(dir.resolve("shop"));
        repo.write("README.md", "written before the session, never committed\n");
        CofferdamDirs dirs = new CofferdamDirs(dir.resolve("config"), dir.resolve("data"));
        String cache = System.getProperty("cofferdam.test.cache",
                Path.of(System.getProperty("java.io.tmpdir"), "cofferdam-it-cache").toString());
        try (EgressRuntime egress = EgressRuntime.open(dirs, Resolver.none());
             SandboxService sandboxes = new SandboxService(new VmDirs(dir.resolve("vm"), Path.of(cache)),
                     new ProxyEgressRelay(egress, new EncryptedFileSecretStore(dirs.config())),
                     new SandboxService.Options(Duration.ofSeconds(90), Optional.of(Accelerator.TCG)))) {
            sandboxes.images().ensure("tiny", BuildListener.NONE);
            RunStore runs = new RunStore(dirs.data());
            AgentRun.Context ctx = new AgentRun.Context(sandboxes, egress.services(), new PolicyStore(dirs.config()),
                    runs, dirs.data(), "test");
            AgentRun.Request req = new AgentRun.Request(RunAgent.SHELL, repo.root(), NAME, false, "tiny", 1, 256,
                    Optional.empty(), false);
            try {
                session(sandboxes, ctx, req, repo);
                assertThat(sandboxes.get(NAME).state()).isEqualTo(SandboxState.STOPPED);
                assertThat(new PolicyStore(dirs.config()).read(NAME).tier()).contains(Tier.BALANCED);
                RunRecord rec = runs.read(NAME).orElseThrow();
                assertThat(rec.exitCode()).isEqualTo(3);
                assertThat(rec.base()).isNotEmpty();
                List<EgressRecord> log = egress.log().query(EgressQuery.sandbox(NAME));
                assertThat(log).extracting(EgressRecord::host, EgressRecord::rule).contains(
                        org.assertj.core.groups.Tuple.tuple("mcp.cofferdam.internal", "service:mcp.cofferdam.internal"),
                        org.assertj.core.groups.Tuple.tuple("telemetry.cofferdam.internal",
                                "service:telemetry.cofferdam.internal"));
                try (Stream<Path> received = Files.list(dirs.data().resolve("received"))) {
                    assertThat(received.toList()).isNotEmpty();
                }
            } finally {
                removeAll(sandboxes);
            }
        }
        review(dirs.data());
    }

    private static void session(SandboxService sandboxes, AgentRun.Context ctx, AgentRun.Request req, TestRepo repo)
            throws Exception {
        String b = repo.root().resolve(TestRepo.B).toString();
        String script = String.join("\n",
                "sed -i 's/return c.c();/return c.c() + 1;/' " + b,
                "printf 'package p;\\npublic class D {\\n    A a = new A();\\n}\\n' > " + repo.root()
                        + "/src/main/java/p/D.java",
                // busybox wget turns a POST into a GET when it goes through a proxy, so the MCP call goes
                // straight to the proxy port (origin form, the /etc/hosts path); the absolute-form path
                // through HTTP_PROXY is shown by a GET to the trace receiver, which answers 404 to it.
                "wget -q -Y off -O- --header 'Content-Type: application/json' --header 'Accept: application/json, "
                        + "text/event-stream' --post-data '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                        + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":"
                        + "{\"name\":\"sh\",\"version\":\"1\"}}}' \"$COFFERDAM_MCP_URL\"; echo",
                "wget -q -Y off -O- --header 'Content-Type: application/json' --post-data '{\"session_id\":\"s-run\","
                        + "\"hook_event_name\":\"PreToolUse\",\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"},"
                        + "\"cwd\":\"/w\"}' http://telemetry.cofferdam.internal:3128/hooks; echo",
                "wget -q -O- http://telemetry.cofferdam.internal:3128/nothing-here; echo",
                "exit 3", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code;
        try (AgentRun run = AgentRun.start(req, ctx, BuildListener.NONE)) {
            ExecResult r = sandboxes.exec(NAME, run.command(Optional.empty(),
                    new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8))),
                    (isErr, data, len) -> out.write(data, 0, len));
            code = r.exitCode();
            run.finish(code);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(text).isEqualTo(3);
        assertThat(text).contains("\"serverInfo\"").contains("cofferdam").contains("404 Not Found");
        assertThat(Files.readString(repo.root().resolve(TestRepo.B))).contains("return c.c() + 1;");
    }

    private static void review(Path data) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = CofferdamCommand.run(new String[] {"review", "--run", NAME, "--data-dir", data.toString(),
            "--format", "json"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        JsonNode r = JSON.readTree(out.toString());
        assertThat(r.path("files").findValuesAsText("path"))
                .containsExactlyInAnyOrder(TestRepo.B, "src/main/java/p/D.java");
        assertThat(r.path("change").asText()).startsWith("shell session in " + NAME);
        assertThat(r.path("blast").toString()).contains(TestRepo.A);
    }

    private static void removeAll(SandboxService service) {
        try {
            for (SandboxInfo i : service.list()) {
                service.remove(i.name());
            }
        } catch (Exception e) {
            throw new AssertionError("cleanup failed: " + e.getMessage(), e);
        }
    }
}
