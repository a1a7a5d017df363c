package dev.cofferdam.app.ui.blast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.ui.ReverseBfsBlast;
import dev.cofferdam.app.ui.TestMaps;
import dev.cofferdam.engine.blast.BlastQuery;
import dev.cofferdam.engine.blast.BlastResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextPackFormatterTest {
    @Test
    void packNamesSeedsImpactedFilesTestsAndOwners() throws Exception {
        BlastResult r = new ReverseBfsBlast().of(TestMaps.shop(Path.of("/repo")), new BlastQuery(List.of(TestMaps.ORDER), 0));
        String pack = ContextPackFormatter.format("/repo", r);
        assertThat(pack).startsWith("# Change context (cofferdam)")
                .contains("Seeds: " + TestMaps.ORDER)
                .contains("- `" + TestMaps.ORDER_SERVICE + "` 1.00, d1, via " + TestMaps.ORDER + " <- " + TestMaps.ORDER_SERVICE)
                .contains("## Tests to run\n- `" + TestMaps.ORDER_SERVICE_TEST + "`")
                .contains("## Owners to notify\n")
                .contains("- @carol");
    }
}
