package dev.cofferdam.engine.map;

import static dev.cofferdam.engine.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.TestRepos;
import dev.cofferdam.engine.index.IndexLocation;
import dev.cofferdam.engine.index.MapIndex;
import dev.cofferdam.engine.index.SnapshotFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-mapping through the persisted index: only changed files are re-parsed, edges follow moves. */
class IncrementalMapTest {
    private static final String SRC = "src/main/java/";

    @TempDir
    Path root;
    @TempDir
    Path cache;
    @TempDir
    Path freshCache;

    @AfterEach
    void flushBackgroundWrites() throws Exception {
        new IndexedMapService(cache).flush(); // a re-map's index copy lands before @TempDir goes
    }

    @BeforeEach
    void repository() throws Exception {
        write(root, "pom.xml", "<project><artifactId>inc</artifactId></project>");
        write(root, SRC + "a/Money.java", "package a; public class Money {}");
        write(root, SRC + "b/Invoice.java", "package b;\nimport a.*;\nclass Invoice { Money total; }");
        write(root, SRC + "b/Order.java", "package b; class Order { Invoice invoice; }");
        TestRepos.commitAll(root);
        ageAllFiles();
    }

    /** Moves every mtime back a minute, out of the window where same-size edits could hide in one tick. */
    private void ageAllFiles() throws Exception {
        try (var files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() - 60_000));
            }
        }
    }

    private MapResult map(IndexedMapService service) throws Exception {
        return service.mapWithStats(root, ProgressListener.NONE);
    }

    private static boolean hasEdge(RepoMap map, String from, String to) {
        return map.edges().stream().anyMatch(e -> e.from().equals(SRC + from) && e.to().equals(SRC + to));
    }

    @Test
    void reopeningUnchangedRepositoryReusesTheStoredMap() throws Exception {
        MapResult first = map(new IndexedMapService(cache));
        assertThat(first.stats().parsed()).isEqualTo(4);
        assertThat(first.stats().fromSnapshot()).isFalse();

        MapResult reopened = map(new IndexedMapService(cache));
        assertThat(reopened.stats().parsed()).isZero();
        assertThat(reopened.stats().fromSnapshot()).isTrue();
        assertThat(reopened.map()).isEqualTo(first.map());
    }

    @Test
    void aMissingOrDamagedMapCopyFallsBackToTheIndex() throws Exception {
        RepoMap first = map(new IndexedMapService(cache)).map();
        Path copy = SnapshotFile.of(IndexLocation.databaseFor(cache, root.toRealPath()));
        assertThat(copy).exists();

        Files.delete(copy);
        MapResult withoutCopy = map(new IndexedMapService(cache));
        Files.writeString(copy, "damaged");
        MapResult damaged = map(new IndexedMapService(cache));

        assertThat(withoutCopy.stats().fromSnapshot()).isTrue();
        assertThat(withoutCopy.map()).isEqualTo(first);
        assertThat(damaged.stats().fromSnapshot()).isTrue();
        assertThat(damaged.map()).isEqualTo(first);
    }

    @Test
    void changingOneFileReparsesOnlyThatFile() throws Exception {
        map(new IndexedMapService(cache));
        write(root, SRC + "b/Order.java", "package b; class Order { Invoice invoice; a.Money paid; }");

        MapResult second = map(new IndexedMapService(cache));

        assertThat(second.stats().parsed()).isEqualTo(1);
        assertThat(hasEdge(second.map(), "b/Order.java", "a/Money.java")).isTrue();
    }

    @Test
    void aChangeInsideBodiesRelinksOnlyThatFileAndMatchesAFullMap() throws Exception {
        write(root, SRC + "b/Invoice.java", "package b;\nimport a.*;\nclass Invoice { Money total; String note; }");
        ageAllFiles();
        IndexedMapService service = new IndexedMapService(cache);
        map(service);
        write(root, SRC + "b/Order.java", "package b; class Order { Invoice invoice; void pay() { a.Money m = null; } }");

        MapResult incremental = map(service);
        MapResult full = new IndexedMapService(freshCache).mapWithStats(root, ProgressListener.NONE);

        assertThat(incremental.stats().parsed()).isEqualTo(1);
        assertThat(full.stats().parsed()).isEqualTo(4);
        assertThat(incremental.map()).isEqualTo(full.map());
        assertThat(hasEdge(incremental.map(), "b/Order.java", "a/Money.java")).isTrue();
        assertThat(incremental.map().edges()).contains(new Edge(SRC + "b/Invoice.java", SRC + "a/Money.java",
                EdgeKind.REFERENCE, 1));
        assertThat(incremental.map().typeEdges()).contains(new Edge("b.Invoice", "a.Money", EdgeKind.REFERENCE, 1));
        assertThat(incremental.map().external()).anyMatch(x -> x.from().equals(SRC + "b/Invoice.java"));
    }

    @Test
    void aReMapStoredInTheBackgroundIsWhatTheNextServiceReopens() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        map(service);
        write(root, SRC + "b/Order.java", "package b; class Order { Invoice invoice; void pay() { a.Money m = null; } }");
        MapResult remapped = map(service);

        MapResult reopened = map(new IndexedMapService(cache));

        assertThat(remapped.stats().parsed()).isEqualTo(1);
        assertThat(reopened.stats().parsed()).isZero();
        assertThat(reopened.map()).isEqualTo(remapped.map());
    }

    @Test
    void touchingWithoutChangingIsConfirmedByContentHash() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        map(service);
        Path money = root.resolve(SRC + "a/Money.java");
        Files.setLastModifiedTime(money, FileTime.fromMillis(System.currentTimeMillis() - 30_000));

        MapResult second = map(service);

        assertThat(second.stats().parsed()).isZero();
        assertThat(second.stats().fromSnapshot()).isFalse();
    }

    @Test
    void aSamePackageTypeAddedLaterShadowsTheOnDemandImport() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        assertThat(hasEdge(map(service).map(), "b/Invoice.java", "a/Money.java")).isTrue();
        write(root, SRC + "b/Money.java", "package b; class Money {}");

        MapResult second = map(service);

        assertThat(second.stats().parsed()).isEqualTo(1);
        assertThat(hasEdge(second.map(), "b/Invoice.java", "b/Money.java")).isTrue();
        assertThat(second.map().edges()).noneMatch(e -> e.from().equals(SRC + "b/Invoice.java")
                && e.to().equals(SRC + "a/Money.java") && e.kind() == EdgeKind.REFERENCE);
    }

    @Test
    void movingATypeToAnotherFileMovesTheEdges() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        map(service);
        Files.delete(root.resolve(SRC + "a/Money.java"));
        write(root, SRC + "a/money/Cash.java", "package a; public class Money {}");

        MapResult second = map(service);

        assertThat(second.stats().parsed()).isEqualTo(1);
        assertThat(hasEdge(second.map(), "b/Invoice.java", "a/money/Cash.java")).isTrue();
        assertThat(second.map().files()).extracting(SourceFile::path).doesNotContain(SRC + "a/Money.java");
    }

    @Test
    void deletingAFileDropsItAndItsEdgesBecomeExternal() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        map(service);
        Files.delete(root.resolve(SRC + "b/Invoice.java"));

        MapResult second = map(new IndexedMapService(cache));

        assertThat(second.stats().parsed()).isZero();
        assertThat(second.map().files()).hasSize(3);
        assertThat(second.map().edges()).isEmpty();
        assertThat(second.map().external()).anyMatch(x -> x.from().equals(SRC + "b/Order.java") && x.name().equals("Invoice"));
    }

    @Test
    void anIndexFromAnOlderSchemaIsDiscardedAndRebuilt() throws Exception {
        map(new IndexedMapService(cache));
        Path db = IndexLocation.databaseFor(cache, root.toRealPath());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE meta SET value = '0' WHERE key = 'schema_version'");
        }
        Files.delete(SnapshotFile.of(db)); // schema 0 wrote no map copy beside the index

        MapResult rebuilt = map(new IndexedMapService(cache));

        assertThat(rebuilt.stats().parsed()).isEqualTo(4);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(String.valueOf(MapIndex.SCHEMA_VERSION));
        }
    }

    @Test
    void aCorruptIndexFileIsRebuilt() throws Exception {
        map(new IndexedMapService(cache));
        Path db = IndexLocation.databaseFor(cache, root.toRealPath());
        Files.writeString(db, "this is not a database, it was overwritten by something else");
        write(root, SRC + "b/Order.java", "package b; class Order { }");

        MapResult rebuilt = map(new IndexedMapService(cache));

        assertThat(rebuilt.stats().parsed()).isEqualTo(4);
        assertThat(map(new IndexedMapService(cache)).stats().fromSnapshot()).isTrue();
    }

    @Test
    void theIndexLivesUnderTheGivenCacheFolderKeyedByTheRealPath() throws Exception {
        map(new IndexedMapService(cache));
        Path link = Files.createSymbolicLink(cache.resolve("link-to-repo"), root);

        MapResult viaLink = new IndexedMapService(cache).mapWithStats(link, ProgressListener.NONE);

        assertThat(viaLink.stats().fromSnapshot()).isTrue();
        assertThat(viaLink.map().root()).isEqualTo(root.toRealPath().toString());
        try (var dbs = Files.list(cache.resolve("maps"))) {
            assertThat(dbs.filter(p -> p.toString().endsWith(".db")).count()).isEqualTo(1);
        }
    }
}
