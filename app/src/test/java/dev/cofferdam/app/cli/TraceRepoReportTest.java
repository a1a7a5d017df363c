package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trace report --repo} on a real git repository mapped by the map engine: the session's
 * edits are judged against the neighbourhood of the prompt's file.
 */
class TraceRepoReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private final StringBuilder transcript = new StringBuilder();
    private int n;

    private void write(Path repo, String rel, String text) throws Exception {
        Path p = repo.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=T",
                "-c", "user.email=t@example.test"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }

    private ObjectNode record(String type, String cwd) {
        ObjectNode r = JSON.createObjectNode();
        r.put("type", type).put("sessionId", "s-repo").put("cwd", cwd).put("uuid", "u" + (++n));
        return r;
    }

    private void prompt(String cwd, String text) {
        ObjectNode r = record("user", cwd);
        r.putObject("message").put("role", "user").put("content", text);
        transcript.append(r).append('\n');
    }

    private void call(String cwd, String tool, String path, String extra) {
        String id = "toolu_" + (++n);
        ObjectNode a = record("assistant", cwd);
        a.put("requestId", "req_" + n);
        ObjectNode m = a.putObject("message");
        m.put("id", "msg_" + n).put("role", "assistant");
        ObjectNode use = m.putArray("content").addObject();
        use.put("type", "tool_use").put("id", id).put("name", tool);
        ObjectNode in = use.putObject("input");
        in.put("file_path", path);
        if (extra != null) {
            in.put("old_string", extra).put("new_string", extra + " // changed");
        }
        m.putObject("usage").put("input_tokens", 5).put("cache_read_input_tokens", 20_000).put("output_tokens", 9);
        transcript.append(a).append('\n');
        ObjectNode u = record("user", cwd);
        u.putObject("message").put("role", "user").putArray("content").addObject()
                .put("type", "tool_result").put("tool_use_id", id).put("content", "ok " + n);
        transcript.append(u).append('\n');
    }

    @Test
    void editsAreJudgedAgainstTheMapNeighbourhood() throws Exception {
        Path repo = tmp.resolve("repo");
        String pkg = "src/main/java/p/";
        write(repo, pkg + "A.java", "package p;\npublic class A { B b; }\n");
        write(repo, pkg + "B.java", "package p;\npublic class B { C c; }\n");
        write(repo, pkg + "C.java", "package p;\npublic class C { }\n");
        write(repo, pkg + "Far.java", "package p;\npublic class Far { }\n");
        write(repo, "src/test/java/p/ATest.java", "package p;\npublic class ATest { A a; }\n");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "init");
        String cwd = repo.toString();
        prompt(cwd, "The constructor in A.java is wrong, fix it");
        call(cwd, "Read", cwd + "/" + pkg + "A.java", null);
        call(cwd, "Edit", cwd + "/" + pkg + "A.java", "B b;");
        call(cwd, "Edit", cwd + "/" + pkg + "C.java", "public class C {");
        call(cwd, "Edit", cwd + "/" + pkg + "Far.java", "public class Far {");
        Path session = tmp.resolve("session.jsonl");
        Files.writeString(session, transcript.toString());

        Cli r = Cli.run("trace", "report", session.toString(), "--repo", repo.toString(), "--format", "json",
                "--data-dir", tmp.resolve("data").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(r.out());
        assertThat(doc.get("seeds").toString()).isEqualTo("[\"" + pkg + "A.java\"]");
        JsonNode files = doc.get("files");
        assertThat(files).hasSize(3);
        assertThat(files.get(0).get("inside").asBoolean()).isTrue();
        assertThat(files.get(1).get("path").asText()).endsWith("C.java");
        assertThat(files.get(1).get("inside").asBoolean()).isTrue();
        assertThat(files.get(2).get("inside").asBoolean()).isFalse();
        List<String> detectors = doc.get("findings").findValuesAsText("detector");
        assertThat(detectors).containsExactly("wrong-file.edit");
        assertThat(doc.at("/findings/0/severity").asText()).isEqualTo("red");
        assertThat(doc.at("/findings/0/message").asText())
                .isEqualTo("edited " + pkg + "Far.java: outside the task's neighbourhood and never read before editing");

        Cli missing = Cli.run("trace", "report", session.toString(), "--repo", tmp.resolve("nope").toString(),
                "--data-dir", tmp.resolve("data").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("cofferdam: no such directory: ");
    }
}
