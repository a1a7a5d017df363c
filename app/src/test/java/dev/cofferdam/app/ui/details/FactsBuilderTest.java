package dev.cofferdam.app.ui.details;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.TestMaps;
import dev.cofferdam.app.ui.map.MapIndex;
import dev.cofferdam.engine.map.Edge;
import dev.cofferdam.engine.map.EdgeKind;
import dev.cofferdam.engine.map.RepoMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactsBuilderTest {
    private final FactsBuilder facts = new FactsBuilder(new MapIndex(TestMaps.shop(Path.of("/repo"))));

    @Test
    void moduleFactsHaveDependenciesBothWaysAndItsCycles() {
        ModuleFacts core = facts.module("core").orElseThrow();
        assertThat(core.dependsOn()).containsExactly(Map.entry("api", 7));
        assertThat(core.usedBy().keySet()).containsExactly("payments", "web");
        assertThat(core.usedBy()).containsEntry("payments", 3).containsEntry("web", 3);
        assertThat(core.cycles()).containsExactly(List.of(TestMaps.INVENTORY, TestMaps.ORDER_SERVICE));
        assertThat(core.title()).isEqualTo("Module shop-core");
        assertThat(facts.module("nope")).isEmpty();
    }

    @Test
    void fileFactsHaveTypesEdgesExternalRefsAndCycle() {
        FileFacts money = facts.file(TestMaps.MONEY).orElseThrow();
        assertThat(money.types()).extracting(t -> t.name()).containsExactly("dev.shop.api.Money");
        assertThat(money.uses()).isEmpty();
        assertThat(money.usedBy()).hasSize(5);
        assertThat(money.usedBy().get(0).weight()).isEqualTo(3);
        assertThat(money.external()).extracting(x -> x.name()).containsExactly("java.math.BigDecimal");
        assertThat(money.cycle()).isEmpty();
        assertThat(facts.file(TestMaps.INVENTORY).orElseThrow().cycle()).contains(TestMaps.ORDER_SERVICE);
    }

    @Test
    void edgesOfSeveralKindsBetweenTwoFilesAreListedOnce() {
        RepoMap map = TestMaps.shop(Path.of("/repo"));
        List<Edge> edges = new ArrayList<>(map.edges());
        edges.add(new Edge(TestMaps.ORDER_SERVICE, TestMaps.ORDER, EdgeKind.REFERENCE, 4));
        RepoMap twoKinds = new RepoMap(map.root(), map.modules(), map.files(), map.types(), edges, List.of(),
                map.external(), map.cycles());
        FileFacts service = new FactsBuilder(new MapIndex(twoKinds)).file(TestMaps.ORDER_SERVICE).orElseThrow();
        assertThat(service.uses()).filteredOn(e -> e.to().equals(TestMaps.ORDER)).singleElement()
                .satisfies(e -> assertThat(e.weight()).isEqualTo(9));
        assertThat(service.uses().get(0).to()).isEqualTo(TestMaps.ORDER);
    }
}
