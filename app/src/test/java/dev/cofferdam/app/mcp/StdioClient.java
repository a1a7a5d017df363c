package dev.cofferdam.app.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A raw JSON-RPC client for {@code cofferdam mcp PATH} run as a real subprocess
 * ({@code java -cp <test class path> dev.cofferdam.app.Main mcp PATH}), one message per line.
 */
final class StdioClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final OutputStream in;
    private final BufferedReader out;
    private String lastLine;

    StdioClient(Path repo, Path work) throws IOException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-cp", cp,
                "-Djava.awt.headless=true",
                "-Dcofferdam.cache.dir=" + System.getProperty("cofferdam.cache.dir", work.resolve("cache").toString()),
                "-Dcofferdam.log.file=" + work.resolve("mcp.log"),
                "dev.cofferdam.app.Main", "mcp", repo.toString()));
        process = new ProcessBuilder(cmd).redirectError(work.resolve("mcp.stderr").toFile()).start();
        in = process.getOutputStream();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    void send(String line) throws IOException {
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    JsonNode read() throws IOException {
        lastLine = out.readLine();
        if (lastLine == null) {
            throw new IOException("the server closed its output (exit " + (process.isAlive() ? "?" : process.exitValue()) + ")");
        }
        return JSON.readTree(lastLine);
    }

    /** The raw text of the last message read. */
    String lastLine() {
        return lastLine;
    }

    JsonNode request(int id, String method, JsonNode params) throws IOException {
        var msg = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
        if (params != null) {
            msg.set("params", params);
        }
        send(msg.toString());
        return read();
    }

    /** Closes the server's input and waits for it to end; returns its exit status. */
    int finish() throws Exception {
        in.close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
