package dev.cofferdam.app.ui.workbench;

import static dev.cofferdam.app.ui.TestMaps.CHECKOUT;
import static dev.cofferdam.app.ui.TestMaps.INVENTORY;
import static dev.cofferdam.app.ui.TestMaps.ORDER;
import static dev.cofferdam.app.ui.TestMaps.ORDER_SERVICE;
import static dev.cofferdam.app.ui.TestMaps.ORDER_SERVICE_TEST;
import static dev.cofferdam.app.ui.TestMaps.PAYMENT_SERVICE;
import static dev.cofferdam.app.ui.TestMaps.PRICING;
import static dev.cofferdam.app.ui.TestMaps.REFUNDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.FixtureMapService;
import dev.cofferdam.app.ui.blast.BlastSource;
import dev.cofferdam.app.ui.common.QueueExecutor;
import dev.cofferdam.app.ui.common.UiThreads;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.map.GraphScope;
import dev.cofferdam.engine.blast.BlastService;
import dev.cofferdam.engine.blast.Impact;
import dev.cofferdam.engine.map.MapService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchViewModelTest {
    @TempDir
    Path dir;

    static WorkbenchViewModel create(UiThreads threads, MapService maps) {
        return new WorkbenchViewModel(threads, maps, new GraphViewModel(threads),
                new SelectionViewModel(threads, blast()));
    }

    /** The engine's blast radius, as the app wires it. */
    static BlastSource blast() {
        BlastService service = new BlastService();
        return (map, root, spec) -> service.blast(map, root, spec, 0, true);
    }

    private final WorkbenchViewModel vm = create(UiThreads.direct(), new FixtureMapService());

    @Test
    void openShowsTheModuleGraphAndReportsProgress() {
        List<String> progress = new ArrayList<>();
        vm.progressTextProperty().addListener((o, was, now) -> progress.add(now));
        List<Path> opened = new ArrayList<>();
        vm.setOnOpened(opened::add);
        vm.open(dir);
        assertThat(vm.repositoryProperty().get()).isEqualTo(dir);
        assertThat(vm.graph().graphProperty().get().data().nodes()).extracting(GraphNode::id)
                .containsExactly("api", "core", "payments", "web");
        assertThat(vm.graph().graphProperty().get().positions()).hasSize(4);
        assertThat(progress).contains("parsing 7/14", "parsing 14/14", "laying out");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opened).containsExactly(dir);
    }

    @Test
    void badFoldersKeepThePreviousMap() throws Exception {
        vm.open(dir);
        var before = vm.indexProperty().get();
        vm.open(dir.resolve("missing"));
        assertThat(vm.errorProperty().get()).isEqualTo("Folder not found: " + dir.resolve("missing"));
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        vm.open(file);
        assertThat(vm.errorProperty().get()).isEqualTo("Not a folder: " + file);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("EMPTY"), "");
        vm.open(empty);
        assertThat(vm.errorProperty().get()).isEqualTo("No source files found in " + empty);
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("BROKEN"), "");
        vm.open(broken);
        assertThat(vm.errorProperty().get()).isEqualTo("cannot read core/src/main/java/dev/shop/core/Order.java");
        assertThat(vm.indexProperty().get()).isSameAs(before);
        assertThat(vm.repositoryProperty().get()).isEqualTo(dir);
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void unexpectedFailureIsReportedToo() {
        WorkbenchViewModel failing = create(UiThreads.direct(), (root, p) -> {
            throw new IllegalStateException("index corrupt");
        });
        failing.open(dir);
        assertThat(failing.errorProperty().get()).isEqualTo("Mapping failed: java.lang.IllegalStateException: index corrupt");
    }

    @Test
    void cancelStopsTheOpenAndKeepsThePreviousMap() {
        QueueExecutor background = new QueueExecutor();
        WorkbenchViewModel queued = create(new UiThreads(background, Runnable::run), new FixtureMapService());
        queued.open(dir);
        assertThat(queued.busyProperty().get()).isTrue();
        queued.cancel();
        assertThat(queued.busyProperty().get()).isFalse();
        assertThat(queued.errorProperty().get()).isEqualTo("Opening cancelled; showing the previous map");
        background.runAll();
        assertThat(queued.indexProperty().get()).isNull();
    }

    @Test
    void selectingAModuleOrFileShowsItsBlastRadiusAndHighlight() {
        vm.open(dir);
        vm.selectNode("core");
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.MODULE, "core"));
        assertThat(vm.selection().blastProperty().get().impacted()).extracting(Impact::path).contains(PAYMENT_SERVICE, CHECKOUT);
        assertThat(vm.selection().highlightProperty().get().distance()).containsEntry("web", 1).containsEntry("payments", 1);
        vm.graph().open("core");
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.filesOf("core"));
        vm.selectNode(ORDER);
        assertThat(vm.selection().blastProperty().get().impacted()).extracting(Impact::path)
                .containsExactlyInAnyOrder(ORDER_SERVICE, PRICING, PAYMENT_SERVICE, REFUNDS, CHECKOUT, INVENTORY)
                .startsWith(ORDER_SERVICE).endsWith(INVENTORY);
        assertThat(vm.selection().blastProperty().get().tests()).extracting(Impact::path).startsWith(ORDER_SERVICE_TEST);
        assertThat(vm.selection().highlightProperty().get().selected()).contains(ORDER, "core");
        assertThat(vm.selection().highlightProperty().get().distance()).containsEntry(INVENTORY, 2);
        assertThat(vm.selection().factsProperty().get().title()).isEqualTo("Order.java");
        assertThat(vm.selection().contextPack()).contains(ORDER_SERVICE);
        vm.selectNode(null);
        assertThat(vm.selection().blastProperty().get()).isNull();
        assertThat(vm.graph().canBackProperty().get()).isTrue();
        vm.graph().back();
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.MODULES);
    }

    @Test
    void keyboardSelectionWalksTheNodesInIdOrder() {
        vm.open(dir);
        vm.selectNext(1);
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.MODULE, "api"));
        vm.selectNext(1);
        assertThat(vm.selection().selectionProperty().get().id()).isEqualTo("core");
        vm.selectNext(-1);
        vm.selectNext(-1);
        assertThat(vm.selection().selectionProperty().get().id()).isEqualTo("web");
    }

    @Test
    void searchResultsNavigateAndSelect() {
        vm.open(dir);
        var hits = vm.searchProperty().get().suggest("OrderServ", 5);
        vm.pick(hits.get(0));
        assertThat(vm.selection().selectionProperty().get()).isEqualTo(new Target(Target.Kind.TYPE, "dev.shop.core.OrderService"));
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.around(ORDER_SERVICE));
        assertThat(vm.graph().graphProperty().get().data().nodes()).extracting(GraphNode::id).contains(INVENTORY, CHECKOUT);
        assertThat(vm.selectByName("payments")).isTrue();
        assertThat(vm.graph().scopeProperty().get()).isEqualTo(GraphScope.filesOf("payments"));
        assertThat(vm.selectByName("nothing/like/this")).isFalse();
    }
}
