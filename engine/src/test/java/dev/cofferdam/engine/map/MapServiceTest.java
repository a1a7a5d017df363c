package dev.cofferdam.engine.map;

import static dev.cofferdam.engine.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapServiceTest {
    @TempDir
    Path root;
    @TempDir
    Path cache;

    private RepoMap map() throws AnalysisException {
        return new IndexedMapService(cache).map(root, ProgressListener.NONE);
    }

    private static Map<String, SourceFile> byPath(RepoMap map) {
        return map.files().stream().collect(Collectors.toMap(SourceFile::path, Function.identity()));
    }

    @Test
    void multiModuleMavenBuildInAGitRepository() throws Exception {
        write(root, "pom.xml", "<project><artifactId>shop</artifactId><modules><module>core</module><module>web</module>"
                + "</modules></project>");
        write(root, "core/pom.xml", "<project><artifactId>shop-core</artifactId></project>");
        write(root, "core/src/main/java/shop/core/Cart.java", "package shop.core; public class Cart {}");
        write(root, "core/src/test/java/shop/core/CartCheck.java", "package shop.core; class CartCheck { Cart c; }");
        write(root, "web/pom.xml", "<project><artifactId>shop-web</artifactId></project>");
        write(root, "web/src/main/java/shop/web/Page.java", "package shop.web;\nimport shop.core.Cart;\nclass Page { Cart c; }");
        TestRepos.commitAll(root);

        RepoMap map = map();

        Map<String, SourceFile> files = byPath(map);
        assertThat(files.get("core/src/test/java/shop/core/CartCheck.java").test()).isTrue();
        assertThat(files.get("core/src/main/java/shop/core/Cart.java").test()).isFalse();
        assertThat(map.edges()).contains(
                new Edge("web/src/main/java/shop/web/Page.java", "core/src/main/java/shop/core/Cart.java", EdgeKind.IMPORT, 1),
                new Edge("core/src/test/java/shop/core/CartCheck.java", "core/src/main/java/shop/core/Cart.java",
                        EdgeKind.REFERENCE, 1));
        assertThat(map.modules()).extracting(Module::name).startsWith("shop", "shop-core", "shop-web");
        assertThat(map.modules()).filteredOn(m -> m.kind() == ModuleKind.MAVEN).extracting(Module::id)
                .containsExactly(".", "core", "web");
        assertEveryFileInExactlyOneModule(map);
        assertThat(files.get("core/pom.xml").module()).isEqualTo("core");
        assertThat(files.get(".git/HEAD")).isNull();
    }

    @Test
    void gradleMultiProjectBuild() throws Exception {
        write(root, "settings.gradle", "rootProject.name = 'app'\ninclude ':lib', ':cli'\n");
        write(root, "lib/build.gradle", "");
        write(root, "lib/src/main/java/lib/Api.java", "package lib; public interface Api {}");
        write(root, "cli/build.gradle", "");
        write(root, "cli/src/main/java/cli/Main.java", "package cli; class Main implements lib.Api {}");
        write(root, "cli/src/test/java/cli/MainTest.java", "package cli; class MainTest { Main m; }");

        RepoMap map = map();

        assertThat(map.modules()).filteredOn(m -> m.kind() == ModuleKind.GRADLE).extracting(Module::name)
                .containsExactly("app", "cli", "lib");
        assertThat(byPath(map).get("cli/src/test/java/cli/MainTest.java").test()).isTrue();
        assertThat(map.edges()).contains(new Edge("cli/src/main/java/cli/Main.java", "lib/src/main/java/lib/Api.java",
                EdgeKind.IMPLEMENTS, 1));
        assertEveryFileInExactlyOneModule(map);
    }

    @Test
    void withoutBuildFilesRootsComeFromPackagesAndFoldersNeedNoGit() throws Exception {
        write(root, "code/com/acme/A.java", "package com.acme; public class A {}");
        write(root, "tests/com/acme/AChecks.java", "package com.acme; class AChecks { A a; }");
        write(root, "notes.txt", "hello\n\nworld\n");

        RepoMap map = map();

        Map<String, SourceFile> files = byPath(map);
        assertThat(files.get("tests/com/acme/AChecks.java").test()).isTrue();
        assertThat(files.get("code/com/acme/A.java").test()).isFalse();
        assertThat(files.get("notes.txt").language()).isEqualTo("other");
        assertThat(files.get("notes.txt").loc()).isEqualTo(2);
        assertThat(map.edges()).containsExactly(new Edge("tests/com/acme/AChecks.java", "code/com/acme/A.java",
                EdgeKind.REFERENCE, 1));
    }

    @Test
    void repositoryWithoutJavaHasFilesAndNoEdges() throws Exception {
        write(root, "index.js", "console.log(1)\n");
        write(root, "lib/util.py", "def f():\n    return 1\n");
        write(root, "logo.png", "\u0000PNG binary");

        RepoMap map = map();

        assertThat(map.files()).extracting(SourceFile::path).containsExactly("index.js", "lib/util.py");
        assertThat(map.files()).extracting(SourceFile::language).containsExactly("javascript", "python");
        assertThat(map.edges()).isEmpty();
        assertThat(map.modules()).extracting(Module::id).containsExactly(".");
    }

    @Test
    void unparsableFileStaysWithErrorsAndRecoveredImports() throws Exception {
        write(root, "src/a/Money.java", "package a; public class Money {}");
        write(root, "src/b/Broken.java", "package b;\nimport a.Money;\nclass Broken { void f( { }\n");

        RepoMap map = map();

        SourceFile broken = byPath(map).get("src/b/Broken.java");
        assertThat(broken.parseErrors()).isNotEmpty();
        assertThat(broken.parseErrors().get(0)).startsWith("line ").doesNotContain("\n");
        assertThat(map.edges()).contains(new Edge("src/b/Broken.java", "src/a/Money.java", EdgeKind.IMPORT, 1));
    }

    @Test
    void hugeFileIsListedButNotParsedAndBinariesAreLeftOut() throws Exception {
        StringBuilder big = new StringBuilder("package a;\nimport b.Other;\nclass Big {\n");
        while (big.length() < 5 * 1024 * 1024 + 10) {
            big.append("    int f").append(big.length()).append(";\n");
        }
        write(root, "src/a/Big.java", big.append("}\n").toString());
        write(root, "src/b/Other.java", "package b; public class Other {}");
        Files.write(root.resolve("data.bin"), new byte[] {1, 2, 0, 3});

        RepoMap map = map();

        SourceFile huge = byPath(map).get("src/a/Big.java");
        assertThat(huge.parseErrors()).containsExactly("not parsed: over 5 MB");
        assertThat(map.edges()).isEmpty();
        assertThat(byPath(map)).doesNotContainKey("data.bin");
    }

    @Test
    void cyclesAreSortedComponentsOfMoreThanOneFile() throws Exception {
        write(root, "src/p/A.java", "package p; class A { B b; }");
        write(root, "src/p/B.java", "package p; class B { C c; }");
        write(root, "src/p/C.java", "package p; class C { A a; }");
        write(root, "src/p/D.java", "package p; class D { A a; E e; }");
        write(root, "src/p/E.java", "package p; class E { D d; }");
        write(root, "src/p/F.java", "package p; class F { F f; A a; }");

        RepoMap map = map();

        assertThat(map.cycles()).containsExactly(List.of("src/p/A.java", "src/p/B.java", "src/p/C.java"),
                List.of("src/p/D.java", "src/p/E.java"));
        assertThat(map.edges()).noneMatch(e -> e.from().equals(e.to()));
    }

    @Test
    void generatedAndVendoredFilesAreMarked() throws Exception {
        write(root, "pom.xml", "<project><artifactId>g</artifactId></project>");
        write(root, "target/generated-sources/x/Skipped.java", "package x; class Skipped {}");
        write(root, "src/main/java/x/Gen.java", "// Code generated by protoc. DO NOT EDIT.\npackage x; class Gen {}");
        write(root, "src/main/java/x/Ann.java", "package x;\n@javax.annotation.processing.Generated(\"tool\")\nclass Ann {}");
        write(root, "src/main/java/x/Hand.java", "package x; class Hand {}");
        write(root, "third_party/lib/L.java", "package lib; class L {}");

        Map<String, SourceFile> files = byPath(map());

        assertThat(files.get("src/main/java/x/Gen.java").generated()).isTrue();
        assertThat(files.get("src/main/java/x/Ann.java").generated()).isTrue();
        assertThat(files.get("third_party/lib/L.java").generated()).isTrue();
        assertThat(files.get("src/main/java/x/Hand.java").generated()).isFalse();
        assertThat(files).doesNotContainKey("target/generated-sources/x/Skipped.java");
    }

    @Test
    void reportsProgressPhases() throws Exception {
        write(root, "src/a/A.java", "package a; class A {}");
        write(root, "src/a/B.java", "package a; class B { A a; }");
        Set<String> phases = ConcurrentHashMap.newKeySet();
        Map<String, Long> totals = new ConcurrentHashMap<>();
        new IndexedMapService(cache).map(root, (phase, done, total) -> {
            phases.add(phase);
            totals.merge(phase, done, Math::max);
        });
        assertThat(phases).contains("scanning", "parsing", "resolving", "writing index");
        assertThat(totals.get("parsing")).isEqualTo(2L);
    }

    @Test
    void badInputGivesOneLineMessages() throws Exception {
        IndexedMapService service = new IndexedMapService(cache);
        Path file = write(root, "file.txt", "x");
        assertThatThrownBy(() -> service.map(root.resolve("missing"), ProgressListener.NONE))
                .isInstanceOf(AnalysisException.class).hasMessage("no such folder: " + root.resolve("missing"));
        assertThatThrownBy(() -> service.map(file, ProgressListener.NONE))
                .isInstanceOf(AnalysisException.class).hasMessage("not a folder: " + file);
        assertThatThrownBy(() -> service.map(null, ProgressListener.NONE))
                .isInstanceOf(AnalysisException.class).hasMessage("no folder given");
    }

    @Test
    void unreadableFolderIsRefused() throws Exception {
        assumeFalse(TestRepos.runningAsRoot(), "root reads every folder, so an unreadable one cannot be made here");
        Path closed = Files.createDirectories(root.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            assertThatThrownBy(() -> new IndexedMapService(cache).map(closed, ProgressListener.NONE))
                    .isInstanceOf(AnalysisException.class).hasMessage("cannot read folder: " + closed);
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void modulesStayFewOnAManyPackageCodeBase() throws Exception {
        String[] areas = {"billing", "catalog", "orders", "users", "search", "shipping", "reports", "admin"};
        for (String area : areas) {
            for (String sub : new String[] {"api", "impl", "model", "util"}) {
                for (int i = 0; i < 8; i++) {
                    String pkg = "com.acme." + area + "." + sub;
                    write(root, "src/main/java/" + pkg.replace('.', '/') + "/C" + i + ".java",
                            "package " + pkg + "; class C" + i + " {}");
                }
            }
        }
        write(root, "pom.xml", "<project><artifactId>acme</artifactId></project>");

        RepoMap map = map();

        assertThat(map.files()).hasSize(8 * 4 * 8 + 1);
        assertThat(map.modules()).hasSizeBetween(5, 31);
        assertThat(map.modules()).extracting(Module::name).contains("com.acme.billing", "com.acme.users");
        assertThat(map.modules()).filteredOn(m -> m.name().equals("com.acme.billing")).extracting(Module::files)
                .containsExactly(32);
        assertEveryFileInExactlyOneModule(map);
    }

    @Test
    void atAnInferredRootOnlyPackageFoldersBecomeClusters() throws Exception {
        for (int i = 0; i < 5; i++) {
            write(root, "com/acme/a/A" + i + ".java", "package com.acme.a; class A" + i + " {}");
            write(root, "com/acme/b/B" + i + ".java", "package com.acme.b; class B" + i + " {}");
        }
        write(root, "com/acme/b/messages.properties", "k=v\n");
        write(root, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
        write(root, "module-info.java", "module acme { }");

        RepoMap map = map();

        Map<String, SourceFile> files = byPath(map);
        assertThat(files.get("META-INF/MANIFEST.MF").module()).isEqualTo(".");
        assertThat(files.get("module-info.java").module()).isEqualTo(".");
        assertThat(files.get("com/acme/b/messages.properties").module()).isEqualTo("com/acme/b");
        assertThat(map.modules()).extracting(Module::name).containsExactly(root.getFileName().toString(), "com.acme.a",
                "com.acme.b");
        assertEveryFileInExactlyOneModule(map);
    }

    static void assertEveryFileInExactlyOneModule(RepoMap map) {
        Set<String> ids = new HashSet<>();
        map.modules().forEach(m -> assertThat(ids.add(m.id())).as("unique module id " + m.id()).isTrue());
        int total = 0;
        for (Module m : map.modules()) {
            long count = map.files().stream().filter(f -> f.module().equals(m.id())).count();
            assertThat(count).as("files of " + m.id()).isEqualTo(m.files());
            total += m.files();
        }
        assertThat(total).isEqualTo(map.files().size());
        assertThat(map.files()).allMatch(f -> ids.contains(f.module()));
    }
}
