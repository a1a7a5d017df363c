package dev.cofferdam.app.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ApiCall;
import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.ToolCall;
import dev.cofferdam.engine.trace.TraceService;
import dev.cofferdam.engine.trace.TraceSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real HTTP posts to the receivers on loopback, read back through the transcript ingest path. */
class TraceReceiversTest {
    @TempDir
    Path data;
    private TraceReceivers receivers;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        receivers = new TraceReceivers(data, 0);
    }

    @AfterEach
    void stop() {
        receivers.close();
    }

    private HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private TraceSession read(String session) throws Exception {
        return new TraceService(null).open(receivers.sessions().file(session), ProgressListener.NONE);
    }

    @Test
    void hookPostsBecomeCallsWithResults() throws Exception {
        assertThat(receivers.hookUrl()).startsWith("http://127.0.0.1:");
        String pre = "{\"session_id\":\"s-1\",\"cwd\":\"/work/p\",\"hook_event_name\":\"PreToolUse\","
                + "\"tool_name\":\"Read\",\"tool_input\":{\"file_path\":\"/work/p/A.java\"}}";
        String post = pre.replace("PreToolUse", "PostToolUse").replace("}}", "},\"tool_response\":\"class A {}\"}");
        String bash = "{\"session_id\":\"s-1\",\"cwd\":\"/work/p\",\"hook_event_name\":\"PostToolUse\","
                + "\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"mvn -q test\"},"
                + "\"tool_response\":{\"stdout\":\"FAIL\",\"success\":false}}";
        assertThat(post(receivers.hookUrl(), "application/json", pre).statusCode()).isEqualTo(200);
        assertThat(post(receivers.hookUrl(), "application/json", post).statusCode()).isEqualTo(200);
        assertThat(post(receivers.hookUrl(), "application/json", bash).statusCode()).isEqualTo(200);

        TraceSession s = read("s-1");
        assertThat(s.id()).isEqualTo("s-1");
        assertThat(s.cwd()).isEqualTo("/work/p");
        assertThat(s.calls()).extracting(ToolCall::tool).containsExactly("Read", "Bash");
        ToolCall readCall = s.call(1);
        assertThat(readCall.kind()).isEqualTo(CallKind.EXPLORE);
        assertThat(readCall.targets()).containsExactly("/work/p/A.java");
        assertThat(readCall.hasResult()).isTrue();
        assertThat(readCall.error()).isFalse();
        assertThat(s.call(2).kind()).isEqualTo(CallKind.VERIFY);
        assertThat(s.call(2).error()).isTrue();
    }

    @Test
    void otlpJsonLogsBecomeCallsAndUsage() throws Exception {
        String export = """
                {"resourceLogs":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"claude-code"}}]},
                 "scopeLogs":[{"logRecords":[
                  {"timeUnixNano":"1767225600000000000","body":{"stringValue":"claude_code.api_request"},
                   "attributes":[{"key":"event.name","value":{"stringValue":"api_request"}},
                    {"key":"session.id","value":{"stringValue":"otel-7"}},
                    {"key":"model","value":{"stringValue":"claude-test"}},
                    {"key":"input_tokens","value":{"intValue":"12"}},
                    {"key":"cache_read_tokens","value":{"intValue":"4000"}},
                    {"key":"cache_creation_tokens","value":{"intValue":"100"}},
                    {"key":"output_tokens","value":{"intValue":"50"}}]},
                  {"timeUnixNano":"1767225601000000000","body":{"stringValue":"claude_code.tool_result"},
                   "attributes":[{"key":"event.name","value":{"stringValue":"tool_result"}},
                    {"key":"session.id","value":{"stringValue":"otel-7"}},
                    {"key":"tool_name","value":{"stringValue":"Edit"}},
                    {"key":"success","value":{"stringValue":"true"}},
                    {"key":"tool_parameters","value":{"stringValue":"{\\"file_path\\":\\"/w/B.java\\",\\"old_string\\":\\"a\\",\\"new_string\\":\\"b\\"}"}}]}
                 ]}]}]}
                """;
        HttpResponse<String> r = post(receivers.otlpEndpoint() + TraceReceivers.LOGS_PATH, "application/json", export);
        assertThat(r.statusCode()).isEqualTo(200);

        TraceSession s = read("otel-7");
        assertThat(s.calls()).singleElement().satisfies(c -> {
            assertThat(c.tool()).isEqualTo("Edit");
            assertThat(c.kind()).isEqualTo(CallKind.EDIT);
            assertThat(c.targets()).containsExactly("/w/B.java");
            assertThat(c.time()).isEqualTo("2026-01-01T00:00:01Z");
        });
        assertThat(s.apiCalls()).extracting(ApiCall::contextTokens).containsExactly(4112L);
    }

    @Test
    void protobufIsRefusedWithAClearMessageAndNothingIsWritten() throws Exception {
        HttpResponse<String> r = post(receivers.otlpEndpoint() + TraceReceivers.LOGS_PATH,
                "application/x-protobuf", "\u0008\u0001");
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(r.body()).contains("OTEL_EXPORTER_OTLP_PROTOCOL=http/json");
        assertThat(post(receivers.hookUrl(), "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(post(receivers.hookUrl(), "application/json", "{\"tool_name\":\"Read\"}").body())
                .contains("session_id");
        assertThat(post(receivers.otlpEndpoint() + "/other", "application/json", "{}").statusCode()).isEqualTo(404);
        assertThat(Files.exists(receivers.sessions().dir())).isFalse();
    }

    @Test
    void sessionIdsCannotEscapeTheFolder() {
        assertThat(receivers.sessions().file("../../etc/passwd").getParent()).isEqualTo(receivers.sessions().dir());
    }
}
