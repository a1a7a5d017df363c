package dev.cofferdam.engine.scan;

import static dev.cofferdam.engine.TestRepos.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.ProgressListener;
import dev.cofferdam.engine.map.ModuleKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLayoutReaderTest {
    @TempDir
    Path root;

    private BuildLayout read() {
        return new BuildLayoutReader().read(root, new RepoScanner().scan(root, ProgressListener.NONE).files());
    }

    @Test
    void mavenModulesRecursivelyWithCustomSourceDirectories() throws Exception {
        write(root, "pom.xml", "<project><artifactId>parent</artifactId><modules><module>core</module>"
                + "<module>tools</module></modules></project>");
        write(root, "core/pom.xml", "<project><artifactId>acme-core</artifactId></project>");
        write(root, "core/src/main/java/a/A.java", "package a; class A {}");
        write(root, "core/src/test/java/a/ATest.java", "package a; class ATest {}");
        write(root, "tools/pom.xml", "<project><artifactId>acme-tools</artifactId><modules><module>cli</module></modules>"
                + "<build><sourceDirectory>${project.basedir}/src</sourceDirectory><testSourceDirectory>tests"
                + "</testSourceDirectory></build></project>");
        write(root, "tools/src/t/T.java", "package t; class T {}");
        write(root, "tools/tests/t/TCheck.java", "package t; class TCheck {}");
        write(root, "tools/cli/pom.xml", "<project><artifactId>acme-cli</artifactId></project>");

        BuildLayout layout = read();

        assertThat(layout.modules()).containsExactly(new BuildModule(".", "parent", ModuleKind.MAVEN),
                new BuildModule("core", "acme-core", ModuleKind.MAVEN), new BuildModule("tools", "acme-tools", ModuleKind.MAVEN),
                new BuildModule("tools/cli", "acme-cli", ModuleKind.MAVEN));
        assertThat(layout.roots()).contains(new SourceRoot("core/src/main/java", false),
                new SourceRoot("core/src/test/java", true), new SourceRoot("tools/src", false),
                new SourceRoot("tools/tests", true));
        assertThat(layout.isTest("core/src/test/java/a/ATest.java")).isTrue();
        assertThat(layout.isTest("tools/tests/t/TCheck.java")).isTrue();
        assertThat(layout.isTest("tools/src/t/T.java")).isFalse();
        assertThat(layout.moduleOf("tools/cli/x.txt").name()).isEqualTo("acme-cli");
    }

    @Test
    void gradleSettingsIncludes() throws Exception {
        write(root, "settings.gradle.kts", "rootProject.name = \"shop\"\ninclude(\"api\", \":services:billing\")\n"
                + "include 'web'\n");
        write(root, "api/src/main/kotlin/a/A.kt", "package a");
        write(root, "services/billing/src/main/java/b/B.java", "package b; class B {}");
        write(root, "services/billing/src/integrationTest/java/b/BIT.java", "package b; class BIT {}");
        write(root, "web/src/test/java/w/W.java", "package w; class W {}");

        BuildLayout layout = read();

        assertThat(layout.modules()).extracting(BuildModule::path).containsExactly(".", "api", "services/billing", "web");
        assertThat(layout.modules()).extracting(BuildModule::name).containsExactly("shop", "api", "billing", "web");
        assertThat(layout.modules()).allMatch(m -> m.kind() == ModuleKind.GRADLE);
        assertThat(layout.isTest("services/billing/src/integrationTest/java/b/BIT.java")).isTrue();
        assertThat(layout.isTest("web/src/test/java/w/W.java")).isTrue();
        assertThat(layout.isTest("services/billing/src/main/java/b/B.java")).isFalse();
    }
}
