package dev.cofferdam.vm.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteEgressLogTest {
    @TempDir
    Path dir;

    static EgressRecord rec(String sandbox, String host, String decision, long timeMs) {
        return new EgressRecord(0, Instant.ofEpochMilli(timeMs), sandbox, "127.0.0.1:5000", "GET", host, 443,
                "/v1?<redacted>", "", decision, decision.equals("allow") ? "**.example" : "", "because, \"quoted\"",
                200, 10, 20, 5, "");
    }

    @Test
    void queriesBySandboxAndTimeAndAggregatesPerHost() throws Exception {
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            log.append(rec("a", "x.example", "allow", 1000));
            log.append(rec("a", "x.example", "deny", 2000));
            log.append(rec("a", "y.example", "allow", 3000));
            log.append(rec("b", "x.example", "allow", 4000));
            assertThat(log.query(EgressQuery.sandbox("a"))).hasSize(3);
            assertThat(log.query(new EgressQuery("a", Instant.ofEpochMilli(1500), Instant.ofEpochMilli(3000), 0, 10)))
                    .singleElement().satisfies(r -> assertThat(r.decision()).isEqualTo("deny"));
            List<HostSummary> hosts = log.hosts("a");
            assertThat(hosts).extracting(HostSummary::host).containsExactly("y.example", "x.example");
            assertThat(hosts.get(1).count()).isEqualTo(2);
            assertThat(hosts.get(1).decision()).isEqualTo("deny");
            assertThat(log.hosts(null)).filteredOn(h -> h.host().equals("x.example")).singleElement()
                    .satisfies(h -> assertThat(h.count()).isEqualTo(3));
        }
    }

    @Test
    void listenersSeeAppendsAndCompletionsUntilTheyUnsubscribe() throws Exception {
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            List<EgressRecord> seen = new CopyOnWriteArrayList<>();
            AutoCloseable sub = log.subscribe(seen::add);
            EgressRecord r = log.append(rec("a", "x.example", "allow", 1000));
            log.complete(r, EgressCompletion.of(200, 111, 222, 7));
            sub.close();
            log.append(rec("a", "y.example", "allow", 2000));
            assertThat(seen).hasSize(2);
            assertThat(seen.get(1).bytesDown()).isEqualTo(222);
            assertThat(log.query(EgressQuery.sandbox("a")).get(0).bytesUp()).isEqualTo(111);
        }
    }

    @Test
    void exportsJsonLinesAndCsv() throws Exception {
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            log.append(rec("a", "x.example", "allow", 1000));
            StringWriter jsonl = new StringWriter();
            log.exportJsonl(EgressQuery.all(), jsonl);
            assertThat(jsonl.toString()).startsWith("{\"schema\":1,\"id\":1,\"time\":\"1970-01-01T00:00:01Z\"")
                    .contains("\"host\":\"x.example\"").contains("\"reason\":\"because, \\\"quoted\\\"\"").endsWith("}\n");
            StringWriter csv = new StringWriter();
            log.exportCsv(EgressQuery.all(), csv);
            String[] lines = csv.toString().split("\r\n");
            assertThat(lines[0]).startsWith("schema,id,time,sandbox,client,method,host,port,path,serverName,decision");
            assertThat(lines[1]).contains(",x.example,443,").contains("\"because, \"\"quoted\"\"\"");
        }
    }

    @Test
    void committedRecordsSurviveACrashOfTheWriter() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CrashWriterMain.class.getName(), dir.toString(), "250"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isEqualTo(3);
        assertThat(out).contains("appended 250");
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            assertThat(log.query(EgressQuery.sandbox("crash"))).hasSize(250);
        }
    }

    @Test
    void writesNeverCheckpointTheWalThemselves() throws Exception {
        Path db = dir.resolve("egress.db");
        try (SqliteEgressLog log = SqliteEgressLog.open(dir, TimeUnit.HOURS.toMillis(1))) {
            long empty = Files.size(db);
            write(log, 1500);
            // far past SQLite's own 1000-page auto-checkpoint, yet every record is still only in the WAL
            assertThat(Files.size(db)).isEqualTo(empty);
            assertThat(Files.size(dir.resolve("egress.db-wal"))).isGreaterThan(1000L * 4096);
            assertThat(log.query(new EgressQuery("a", null, null, 0, 2000))).hasSize(1500);
        }
        assertThat(Files.exists(dir.resolve("egress.db-wal"))).as("WAL checkpointed and removed at close").isFalse();
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            assertThat(log.query(new EgressQuery("a", null, null, 0, 2000))).hasSize(1500);
        }
    }

    @Test
    void theBackgroundCheckpointMovesWritesIntoTheDatabaseFileWhileTheLogStaysOpen() throws Exception {
        Path db = dir.resolve("egress.db");
        try (SqliteEgressLog log = SqliteEgressLog.open(dir)) {
            long empty = Files.size(db);
            write(log, 200);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Files.size(db) <= empty && System.nanoTime() < deadline) {
                Thread.sleep(SqliteEgressLog.CHECKPOINT_MS / 5);
            }
            assertThat(Files.size(db)).as("database file after the background checkpoint").isGreaterThan(empty);
        }
    }

    private static void write(SqliteEgressLog log, int n) throws EgressLogException {
        for (int i = 0; i < n; i++) {
            EgressRecord r = log.append(rec("a", "host" + i + ".example", "allow", i));
            log.complete(r, EgressCompletion.of(200, i, i, 1));
        }
    }

    @Test
    void aClosedLogRefusesWrites() throws Exception {
        SqliteEgressLog log = SqliteEgressLog.open(dir);
        log.close();
        assertThatThrownBy(() -> log.append(rec("a", "x.example", "allow", 1))).isInstanceOf(EgressLogException.class)
                .hasMessageContaining("closed");
    }
}
