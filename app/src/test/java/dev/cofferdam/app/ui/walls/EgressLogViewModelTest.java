package dev.cofferdam.app.ui.walls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.vm.egress.EgressRecord;
import dev.cofferdam.vm.egress.HostSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live egress log view model over a real proxy on loopback and a real SQLite log. */
class EgressLogViewModelTest {
    @TempDir
    Path dir;

    private LoopbackEgress egress;
    private final FxQueue fx = new FxQueue();
    private EgressLogViewModel vm;

    @BeforeEach
    void open() throws Exception {
        egress = new LoopbackEgress(dir);
        vm = new EgressLogViewModel(new UiThreads(Runnable::run, fx), egress.log);
    }

    @AfterEach
    void close() {
        vm.close();
        egress.close();
    }

    private boolean completed(String host) {
        return vm.records().stream().anyMatch(r -> r.host().equals(host) && r.durationMs() >= 0 && r.status() != 0);
    }

    @Test
    void realRequestsAppearLiveWithDecisionRuleAndCompletion() throws Exception {
        vm.start();
        fx.runAll();
        assertThat(vm.records()).isEmpty();
        assertThat(egress.get("allowed.example", "/a?token=x")).isEqualTo(200);
        assertThat(egress.get("evil.example", "/b")).isEqualTo(403);
        fx.runUntil(() -> completed("allowed.example") && completed("evil.example"));
        assertThat(vm.records()).hasSize(2);
        EgressRecord ok = vm.records().get(0);
        assertThat(ok.sandbox()).isEqualTo(LoopbackEgress.SANDBOX);
        assertThat(ok.method()).isEqualTo("GET");
        assertThat(ok.port()).isEqualTo(egress.port());
        assertThat(ok.decision()).isEqualTo("allow");
        assertThat(ok.rule()).isEqualTo("allowed.example:" + egress.port());
        assertThat(ok.bytesDown()).isPositive();
        assertThat(ok.path()).isEqualTo("/a?<redacted>");
        EgressRecord denied = vm.records().get(1);
        assertThat(denied.decision()).isEqualTo("deny");
        assertThat(denied.reason()).contains("no rule allows evil.example");
        assertThat(vm.sandboxes()).containsExactly(LoopbackEgress.SANDBOX);
    }

    @Test
    void burstsArriveAsOneBatchOnTheFxThread() throws Exception {
        vm.start();
        fx.runAll();
        for (int i = 0; i < 5; i++) {
            egress.get("evil.example", "/" + i);
        }
        awaitStored(5);
        // five appends and five completions were announced: one flush is queued, not ten
        assertThat(fx.pending()).isEqualTo(1);
        fx.runAll();
        assertThat(vm.records()).hasSize(5).allMatch(r -> r.status() == 403);
    }

    private void awaitStored(int completedRecords) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (egress.log.query(dev.cofferdam.vm.egress.EgressQuery.all()).stream().filter(r -> r.status() != 0)
                .count() < completedRecords) {
            assertThat(System.nanoTime()).as("records stored in time").isLessThan(end);
            Thread.sleep(10);
        }
    }

    @Test
    void storedRecordsAreLoadedOnStart() throws Exception {
        egress.get("allowed.example", "/before");
        vm.start();
        fx.runUntil(() -> completed("allowed.example"));
        assertThat(vm.records()).extracting(EgressRecord::path).containsExactly("/before");
    }

    @Test
    void filterByTextDecisionAndSandbox() throws Exception {
        vm.start();
        egress.get("allowed.example", "/a");
        egress.get("evil.example", "/b");
        fx.runUntil(() -> completed("allowed.example") && completed("evil.example"));
        vm.setFilter("", "deny", "");
        assertThat(vm.visible()).extracting(EgressRecord::host).containsExactly("evil.example");
        vm.setFilter("ALLOWED", "", "");
        assertThat(vm.visible()).extracting(EgressRecord::host).containsExactly("allowed.example");
        vm.setFilter("", "", "another-box");
        assertThat(vm.visible()).isEmpty();
        vm.setFilter("", "", LoopbackEgress.SANDBOX);
        assertThat(vm.visible()).hasSize(2);
        vm.setFilter("no rule allows", "deny", LoopbackEgress.SANDBOX);
        assertThat(vm.visible()).extracting(EgressRecord::host).containsExactly("evil.example");
    }

    @Test
    void pausedRecordsWaitAndArriveOnResume() throws Exception {
        vm.start();
        fx.runAll();
        vm.pausedProperty().set(true);
        egress.get("evil.example", "/held");
        fx.runUntil(() -> vm.queuedProperty().get() >= 1);
        assertThat(vm.records()).isEmpty();
        vm.pausedProperty().set(false);
        fx.runUntil(() -> completed("evil.example"));
        assertThat(vm.records()).hasSize(1);
        assertThat(vm.queuedProperty().get()).isZero();
    }

    @Test
    void exportsThroughTheLogsOwnExportersAndSummarizesHosts() throws Exception {
        vm.start();
        egress.get("allowed.example", "/a");
        egress.get("allowed.example", "/b");
        egress.get("evil.example", "/c");
        fx.runUntil(() -> vm.records().size() == 3 && vm.records().stream().allMatch(r -> r.status() != 0));
        Path jsonl = dir.resolve("out.jsonl");
        Path csv = dir.resolve("out.csv");
        vm.export(jsonl, EgressLogViewModel.Format.JSONL);
        vm.export(csv, EgressLogViewModel.Format.CSV);
        fx.runAll();
        List<String> lines = Files.readAllLines(jsonl);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2)).contains("\"host\":\"evil.example\"").contains("\"decision\":\"deny\"");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.get(0)).startsWith("schema,id,time,sandbox");
        assertThat(rows).hasSize(4);
        assertThat(vm.statusProperty().get()).isEqualTo("exported to " + csv);
        vm.summarize();
        fx.runAll();
        assertThat(vm.hosts()).extracting(HostSummary::host, HostSummary::count, HostSummary::decision)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("allowed.example", 2L, "allow"),
                        org.assertj.core.groups.Tuple.tuple("evil.example", 1L, "deny"));
    }

    @Test
    void exportToAnUnwritablePlaceSaysSoInOneLine() throws Exception {
        vm.start();
        fx.runAll();
        Path target = dir.resolve("missing-dir").resolve("out.csv");
        vm.export(target, EgressLogViewModel.Format.CSV);
        fx.runAll();
        assertThat(vm.statusProperty().get()).startsWith("cannot write " + target).doesNotContain("\n");
    }
}
