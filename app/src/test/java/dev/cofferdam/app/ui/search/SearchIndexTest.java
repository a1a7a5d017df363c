package dev.cofferdam.app.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.TestMaps;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTest {
    private final SearchIndex index = new SearchIndex(TestMaps.shop(Path.of("/repo")));

    @Test
    void prefixMatchesComeFirstShortestFirst() {
        List<SearchEntry> hits = index.suggest("order", 20);
        assertThat(hits.get(0)).isEqualTo(new SearchEntry("Order", SearchEntry.Kind.TYPE, "dev.shop.core.Order"));
        assertThat(hits.get(1)).isEqualTo(new SearchEntry("Order.java", SearchEntry.Kind.FILE, TestMaps.ORDER));
        assertThat(hits).extracting(SearchEntry::name).contains("OrderService", "OrderServiceTest.java");
    }

    @Test
    void findsModulesAndPathsAndIgnoresCase() {
        assertThat(index.suggest("PAYM", 20)).extracting(SearchEntry::kind).contains(SearchEntry.Kind.MODULE);
        assertThat(index.suggest("dev/shop/web", 20)).extracting(SearchEntry::target)
                .containsExactlyInAnyOrder(TestMaps.CHECKOUT, TestMaps.ORDER_CONTROLLER);
        assertThat(index.suggest("  ", 20)).isEmpty();
        assertThat(index.suggest("o", 3)).hasSize(3);
    }
}
