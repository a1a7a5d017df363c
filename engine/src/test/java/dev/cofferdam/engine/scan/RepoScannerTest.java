package dev.cofferdam.engine.scan;

import static dev.cofferdam.engine.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.TestRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoScannerTest {
    @TempDir
    Path root;

    private List<String> scan() {
        return new RepoScanner().scan(root, ProgressListener.NONE).files().stream().map(ScannedFile::path).toList();
    }

    @Test
    void honoursRootAndNestedGitignoreInARealRepository() throws Exception {
        write(root, ".gitignore", "*.log\nsecret/\n!important.log\n");
        write(root, "a.log", "x");
        write(root, "important.log", "x");
        write(root, "secret/key.txt", "x");
        write(root, "src/App.java", "class App {}");
        write(root, "src/.gitignore", "generated/**\n/local.txt\n");
        write(root, "src/generated/G.java", "class G {}");
        write(root, "src/local.txt", "x");
        write(root, "src/deeper/local.txt", "x");
        TestRepos.commitAll(root);
        write(root, ".git/info/exclude", "excluded.txt\n");
        write(root, "excluded.txt", "x");

        assertThat(scan()).containsExactly(".gitignore", "important.log", "src/.gitignore", "src/App.java",
                "src/deeper/local.txt");
    }

    @Test
    void skipsToolFoldersAndBuildOutputButNotAPackageNamedBuild() throws Exception {
        write(root, "pom.xml", "<project/>");
        write(root, "target/classes/A.class", "x");
        write(root, "node_modules/x/index.js", "x");
        write(root, ".idea/workspace.xml", "x");
        write(root, "vendor/lib/a.go", "x");
        write(root, "src/main/java/com/acme/build/Builder.java", "package com.acme.build; class Builder {}");
        write(root, "module/build.gradle", "");
        write(root, "module/build/tmp/x.txt", "x");

        assertThat(scan()).containsExactly("module/build.gradle", "pom.xml",
                "src/main/java/com/acme/build/Builder.java");
    }

    @Test
    void survivesASymlinkLoopAndDoesNotFollowFolderLinks() throws Exception {
        write(root, "a/b/File.java", "class File {}");
        Files.createSymbolicLink(root.resolve("a/b/loop"), root.resolve("a"));
        Files.createSymbolicLink(root.resolve("a/self"), root);
        Files.createSymbolicLink(root.resolve("a/link.txt"), root.resolve("a/b/File.java"));

        assertThat(scan()).containsExactly("a/b/File.java", "a/link.txt");
    }

    @Test
    void recordsAnUnreadableFolderAndGoesOn() throws Exception {
        assumeFalse(TestRepos.runningAsRoot(), "root reads every folder, so an unreadable one cannot be made here");
        write(root, "open/A.java", "class A {}");
        Path closed = Files.createDirectories(root.resolve("closed"));
        write(root, "closed/B.java", "class B {}");
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("---------"));
        try {
            ScanResult result = new RepoScanner().scan(root, ProgressListener.NONE);
            assertThat(result.files()).extracting(ScannedFile::path).containsExactly("open/A.java");
            assertThat(result.problems()).containsExactly("unreadable folder: closed");
        } finally {
            Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
