package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** {@code cofferdam trace receive}: prints a working setup, then a real hook post lands in a session file. */
class TraceReceiveCommandTest {
    @TempDir
    Path data;

    @Test
    void printsTheSetupAndReceivesAHookPost() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Thread cli = new Thread(() -> CofferdamCommand.run(new String[] {"trace", "receive", "--data-dir",
                data.toString()}, new PrintWriter(out, true), new PrintWriter(err, true)), "trace-receive-test");
        cli.setDaemon(true);
        cli.start();
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> out.toString().contains("Press Ctrl+C"));
            String text = out.toString();
            assertThat(text).contains("CLAUDE_CODE_ENABLE_TELEMETRY=1", "OTEL_LOGS_EXPORTER=otlp",
                    "OTEL_EXPORTER_OTLP_PROTOCOL=http/json", "OTEL_LOG_TOOL_DETAILS=1",
                    "OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:");
            String json = text.substring(text.indexOf("{\n  \"hooks\""), text.indexOf("\n}\n") + 2);
            JsonNode hooks = new ObjectMapper().readTree(json);
            String url = hooks.at("/hooks/PostToolUse/0/hooks/0/url").asText();
            assertThat(hooks.at("/hooks/PreToolUse/0/hooks/0/type").asText()).isEqualTo("http");
            Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/hooks").matcher(url);
            assertThat(m.matches()).as(url).isTrue();

            String post = "{\"session_id\":\"cli-1\",\"hook_event_name\":\"PostToolUse\",\"tool_name\":\"Grep\","
                    + "\"tool_input\":{\"pattern\":\"TODO\"},\"tool_response\":\"none\"}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(post)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            Path session = data.resolve("received/cli-1.jsonl");
            assertThat(Files.readAllLines(session)).hasSize(2);
            Path none = data.resolve("no-agents");
            Cli ls = Cli.run("trace", "ls", "--data-dir", data.toString(), "--claude-root", none.toString(),
                    "--codex-root", none.toString(), "--gemini-root", none.toString());
            assertThat(ls.exit()).isZero();
            assertThat(ls.out()).contains(session.toString());
            Cli show = Cli.run("trace", "show", "cli-1", "--data-dir", data.toString(), "--claude-root",
                    none.toString(), "--codex-root", none.toString(), "--gemini-root", none.toString());
            assertThat(show.exit()).isZero();
            assertThat(show.out()).contains("Grep").contains("1 calls");
        } finally {
            cli.interrupt();
        }
    }

    @Test
    void badPortIsBadInput() {
        Cli r = Cli.run("trace", "receive", "--port", "70000", "--data-dir", data.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("cofferdam: --port");
    }
}
