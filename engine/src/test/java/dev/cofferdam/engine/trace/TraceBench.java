package dev.cofferdam.engine.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.trace.ingest.TranscriptReader;
import dev.cofferdam.engine.trace.live.TranscriptTailer;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trace benchmarks (see README, Benchmarks, Trace):
 * <ol>
 * <li>ingest throughput in MB/s of a large JSONL synthesized from the real transcripts (records
 * repeated with fresh ids), against a peer in the same run: Jackson parsing every line into a tree
 * (one ObjectReader bound to JsonNode) and nothing else;</li>
 * <li>latency from a line appended to a transcript to the tailer delivering the parsed call.</li>
 * </ol>
 * Run: {@code mvn -B -q -o -pl engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=dev.cofferdam.engine.trace.TraceBench [-Dexec.args="MB ROUNDS APPENDS"]}.
 */
public final class TraceBench {
    private static final Pattern IDS = Pattern.compile("\"(msg_|toolu_|req_|call_)([A-Za-z0-9]+)\"|"
            + "\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\"");

    private TraceBench() {
    }

    public static void main(String[] args) throws Exception {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int appends = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path dir = Files.createTempDirectory("cofferdam-trace-bench");
        try {
            for (String name : new String[] {Fixtures.CLAUDE_TOOL_HEAVY, Fixtures.CODEX_CRUD}) {
                Path big = synthesize(Fixtures.dir().resolve(name), dir.resolve("big-" + name), mb);
                ingest(big, rounds);
                Files.delete(big);
            }
            latency(dir.resolve("live.jsonl"), appends);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Repeats the fixture's lines, giving every id a fresh suffix per repetition, up to {@code mb} MB. */
    static Path synthesize(Path fixture, Path out, int mb) throws IOException {
        List<String> lines = Files.readAllLines(fixture);
        long target = (long) mb << 20;
        long written = 0;
        int rep = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            while (written < target) {
                String suffix = "r" + rep++;
                for (String line : lines) {
                    Matcher m = IDS.matcher(line);
                    StringBuilder sb = new StringBuilder(line.length() + 64);
                    while (m.find()) {
                        String id = m.group(1) != null ? m.group(1) + m.group(2) : m.group(3);
                        m.appendReplacement(sb, Matcher.quoteReplacement("\"" + id + suffix + "\""));
                    }
                    m.appendTail(sb);
                    w.write(sb.toString());
                    w.write('\n');
                    written += sb.length() + 1;
                }
            }
        }
        return out;
    }

    private static void ingest(Path big, int rounds) throws Exception {
        double size = Files.size(big) / 1e6;
        ObjectReader peer = new ObjectMapper().readerFor(JsonNode.class);
        TranscriptReader.read(big, ProgressListener.NONE);
        peerParse(big, peer);
        double[] ours = new double[rounds];
        double[] theirs = new double[rounds];
        int calls = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            calls = TranscriptReader.read(big, ProgressListener.NONE).calls().size();
            ours[i] = size / ((System.nanoTime() - t0) / 1e9);
            t0 = System.nanoTime();
            peerParse(big, peer);
            theirs[i] = size / ((System.nanoTime() - t0) / 1e9);
        }
        Arrays.sort(ours);
        Arrays.sort(theirs);
        double o = ours[rounds / 2];
        double p = theirs[rounds / 2];
        System.out.printf(Locale.ROOT, "ingest %-40s %7.1f MB, %7d calls: %6.1f MB/s (median of %d); "
                + "peer Jackson tree per line %6.1f MB/s; ratio %.2f%n", big.getFileName(), size, calls, o, rounds,
                p, o / p);
    }

    /** The peer: split lines and parse each into a Jackson tree, building nothing. */
    private static void peerParse(Path f, ObjectReader m) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            byte[] all = in.readAllBytes();
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    m.readValue(all, start, i - start);
                    start = i + 1;
                }
            }
        }
    }

    private static void latency(Path live, int appends) throws Exception {
        ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();
        ConcurrentHashMap<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        Files.writeString(live, new ClaudeScript("/w").prompt("bench").text());
        List<Double> millis = new ArrayList<>();
        try (TranscriptTailer tailer = new TranscriptTailer(live, (s, changed) -> {
            long now = System.nanoTime();
            for (ToolCall c : changed) {
                if (seen.putIfAbsent(c.id(), now) == null) {
                    CountDownLatch l = waiting.get(c.id());
                    if (l != null) {
                        l.countDown();
                    }
                }
            }
        }, TranscriptTailer.DEFAULT_INTERVAL)) {
            tailer.start();
            for (int i = 0; i < appends; i++) {
                String id = "toolu_bench" + i;
                CountDownLatch latch = new CountDownLatch(1);
                waiting.put(id, latch);
                String line = "{\"type\":\"assistant\",\"sessionId\":\"b\",\"uuid\":\"u" + i + "\",\"requestId\":\"r" + i
                        + "\",\"message\":{\"id\":\"m" + i + "\",\"role\":\"assistant\",\"content\":[{\"type\":\"tool_use\","
                        + "\"id\":\"" + id + "\",\"name\":\"Read\",\"input\":{\"file_path\":\"/w/f" + i + "\"}}]}}\n";
                long t0 = System.nanoTime();
                try (OutputStream o = Files.newOutputStream(live, StandardOpenOption.APPEND)) {
                    o.write(line.getBytes(StandardCharsets.UTF_8));
                }
                if (!latch.await(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("call " + id + " never delivered");
                }
                millis.add((seen.get(id) - t0) / 1e6);
                Thread.sleep((i * 7) % 13);
            }
        }
        millis.sort(null);
        System.out.printf(Locale.ROOT, "tail latency, append -> parsed call delivered, %d appends, poll %d ms: "
                + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", appends, TranscriptTailer.DEFAULT_INTERVAL.toMillis(),
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                millis.get(millis.size() - 1));
    }
}
