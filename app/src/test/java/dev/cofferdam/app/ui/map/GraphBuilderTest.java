package dev.cofferdam.app.ui.map;

import static dev.cofferdam.app.ui.TestMaps.CHECKOUT;
import static dev.cofferdam.app.ui.TestMaps.INVENTORY;
import static dev.cofferdam.app.ui.TestMaps.MONEY;
import static dev.cofferdam.app.ui.TestMaps.ORDER;
import static dev.cofferdam.app.ui.TestMaps.ORDER_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.TestMaps;
import dev.cofferdam.app.ui.graph.GraphData;
import dev.cofferdam.app.ui.graph.GraphEdge;
import dev.cofferdam.app.ui.graph.GraphNode;
import dev.cofferdam.app.ui.graph.GraphNode.NodeKind;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.Module;
import dev.cofferdam.engine.map.ModuleKind;
import dev.cofferdam.engine.map.RepoMap;
import dev.cofferdam.engine.map.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {
    private final MapIndex shop = new MapIndex(TestMaps.shop(Path.of("/repo")));

    @Test
    void moduleLevelSumsFileEdgesBetweenModules() {
        GraphData g = new GraphBuilder(shop, 300).build(GraphScope.MODULES);
        assertThat(g.nodes()).extracting(GraphNode::id).containsExactly("api", "core", "payments", "web");
        assertThat(g.nodes()).allMatch(n -> n.kind() == NodeKind.MODULE);
        assertThat(g.nodes()).filteredOn(n -> n.id().equals("core")).first()
                .satisfies(n -> assertThat(n.weight()).isEqualTo(260));
        // core -> api: Order->Money 3, OrderLine->Money 1, OrderService->OrderApi 1, Pricing->Money 2
        assertThat(edge(g, "core", "api")).map(GraphEdge::weight).contains(7.0);
        assertThat(edge(g, "web", "core")).map(GraphEdge::weight).contains(3.0);
        assertThat(g.edges()).noneMatch(GraphEdge::cycle);
        assertThat(g.note()).isEmpty();
    }

    @Test
    void filesLevelShowsTheModuleFilesAndTheModulesTheyTalkTo() {
        GraphData g = new GraphBuilder(shop, 300).build(GraphScope.filesOf("core"));
        assertThat(g.nodes()).extracting(GraphNode::id).contains(ORDER, ORDER_SERVICE, INVENTORY, "api", "payments", "web");
        assertThat(g.nodes()).filteredOn(n -> n.id().endsWith("OrderServiceTest.java"))
                .extracting(GraphNode::kind).containsExactly(NodeKind.TEST);
        assertThat(edge(g, INVENTORY, ORDER_SERVICE)).map(GraphEdge::cycle).contains(true);
        assertThat(edge(g, ORDER_SERVICE, INVENTORY)).map(GraphEdge::cycle).contains(true);
        assertThat(edge(g, ORDER_SERVICE, ORDER)).map(GraphEdge::cycle).contains(false);
        assertThat(edge(g, ORDER, "api")).map(GraphEdge::weight).contains(3.0);
    }

    @Test
    void neighbourhoodHasTheFileItsDependenciesAndItsUsers() {
        GraphData g = new GraphBuilder(shop, 300).build(GraphScope.around(ORDER));
        assertThat(g.nodes()).extracting(GraphNode::id).contains(ORDER, MONEY, ORDER_SERVICE, CHECKOUT);
        assertThat(new GraphBuilder(shop, 300).build(GraphScope.around("no/such/File.java")).nodes()).isEmpty();
    }

    @Test
    void neverMoreNodesThanTheLimitAndTheNoteSaysWhatWasFolded() {
        List<SourceFile> files = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            files.add(new SourceFile(String.format("big/F%03d.java", i), "big", "java", 10 + i, false, false, List.of(), List.of()));
            if (i > 0) {
                edges.add(new Edge(String.format("big/F%03d.java", i), "big/F000.java", EdgeKind.IMPORT, 1));
            }
        }
        RepoMap map = new RepoMap("/r", List.of(new Module("big", "big", ModuleKind.DIRECTORY, "big", 500, 0, List.of())),
                files, List.of(), edges, List.of(), List.of(), List.of());
        GraphData g = new GraphBuilder(new MapIndex(map), 300).build(GraphScope.filesOf("big"));
        assertThat(g.nodes()).hasSize(300);
        assertThat(g.nodes()).filteredOn(n -> n.kind() == NodeKind.AGGREGATE).hasSize(1);
        assertThat(g.note()).isEqualTo("Showing 299 of 500 files; 201 folded into one node");
        assertThat(g.edges()).allMatch(e -> g.nodes().stream().anyMatch(n -> n.id().equals(e.from())));
        // the folded files' edges now come from the aggregate
        assertThat(g.edges()).anyMatch(e -> e.from().startsWith("…") && e.to().equals("big/F000.java"));
    }

    @Test
    void cyclesBetweenModulesAreMarked() {
        List<SourceFile> files = List.of(
                new SourceFile("a/A.java", "a", "java", 5, false, false, List.of(), List.of()),
                new SourceFile("b/B.java", "b", "java", 5, false, false, List.of(), List.of()));
        RepoMap map = new RepoMap("/r", List.of(new Module("a", "a", ModuleKind.MAVEN, "a", 1, 5, List.of()),
                new Module("b", "b", ModuleKind.MAVEN, "b", 1, 5, List.of())), files, List.of(),
                List.of(new Edge("a/A.java", "b/B.java", EdgeKind.IMPORT, 1), new Edge("b/B.java", "a/A.java", EdgeKind.IMPORT, 1)),
                List.of(), List.of(), List.of(List.of("a/A.java", "b/B.java")));
        GraphData g = new GraphBuilder(new MapIndex(map), 300).build(GraphScope.MODULES);
        assertThat(g.edges()).hasSize(2).allMatch(GraphEdge::cycle);
    }

    @Test
    void packageClustersAreRolledIntoTheirBuildModule() {
        List<Module> modules = List.of(
                new Module(".", "root", ModuleKind.MAVEN, ".", 1, 10, List.of()),
                new Module("a", "mod-a", ModuleKind.MAVEN, "a", 1, 10, List.of()),
                new Module("b", "mod-b", ModuleKind.MAVEN, "b", 1, 10, List.of()),
                new Module("a/src/main/java/x", "x", ModuleKind.PACKAGE, "a/src/main/java/x", 2, 50, List.of("@x")),
                new Module("a/src/main/java/y", "y", ModuleKind.PACKAGE, "a/src/main/java/y", 1, 20, List.of("@y")));
        List<SourceFile> files = List.of(
                new SourceFile("pom.xml", ".", "other", 10, false, false, List.of(), List.of()),
                new SourceFile("a/pom.xml", "a", "other", 10, false, false, List.of(), List.of()),
                new SourceFile("a/src/main/java/x/X1.java", "a/src/main/java/x", "java", 25, false, false, List.of("@x"), List.of()),
                new SourceFile("a/src/main/java/x/X2.java", "a/src/main/java/x", "java", 25, false, false, List.of("@x"), List.of()),
                new SourceFile("a/src/main/java/y/Y.java", "a/src/main/java/y", "java", 20, false, false, List.of("@y"), List.of()),
                new SourceFile("b/pom.xml", "b", "other", 10, false, false, List.of(), List.of()));
        RepoMap map = new RepoMap("/r", modules, files, List.of(),
                List.of(new Edge("a/src/main/java/y/Y.java", "a/src/main/java/x/X1.java", EdgeKind.IMPORT, 1)),
                List.of(), List.of(), List.of());
        MapIndex index = new MapIndex(map);
        GraphData g = new GraphBuilder(index, 300).build(GraphScope.MODULES);
        assertThat(g.nodes()).extracting(GraphNode::id).containsExactly(".", "a", "b");
        assertThat(index.module("a").orElseThrow().files()).isEqualTo(4);
        assertThat(index.module("a").orElseThrow().loc()).isEqualTo(80);
        assertThat(index.module("a").orElseThrow().owners()).containsExactly("@x", "@y");
        assertThat(index.moduleOf("a/src/main/java/y/Y.java")).isEqualTo("a");
        assertThat(index.displayModule("a/src/main/java/x")).isEqualTo("a");
        assertThat(new GraphBuilder(index, 300).build(GraphScope.filesOf("a")).edges()).hasSize(1);
    }

    private static Optional<GraphEdge> edge(GraphData g, String from, String to) {
        return g.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to)).findFirst();
    }
}
