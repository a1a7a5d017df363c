package dev.cofferdam.app.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A real git repository made for a test: a Maven project where {@code A → B → C} (A uses B, B uses
 * C), a test of C, and a CODEOWNERS file; two commits, the second changes C.
 */
public final class TestRepo {
    public static final String A = "src/main/java/p/A.java";
    public static final String B = "src/main/java/p/B.java";
    public static final String C = "src/main/java/p/C.java";
    public static final String C_TEST = "src/test/java/p/CTest.java";

    private final Path root;

    private TestRepo(Path root) {
        this.root = root;
    }

    public static TestRepo create(Path dir) throws Exception {
        TestRepo r = new TestRepo(dir);
        r.write("pom.xml", "<project><modelVersion>4.0.0</modelVersion><groupId>t</groupId><artifactId>demo</artifactId>"
                + "<version>1</version></project>\n");
        r.write(".github/CODEOWNERS", "*.java @core-team\n");
        r.write(A, "package p;\npublic class A {\n    B b = new B();\n    int a() { return b.b(); }\n}\n");
        r.write(B, "package p;\npublic class B {\n    C c = new C();\n    int b() { return c.c(); }\n}\n");
        r.write(C, "package p;\npublic class C {\n    int c() { return 1; }\n}\n");
        r.write(C_TEST, "package p;\npublic class CTest {\n    void t() { new C().c(); }\n}\n");
        r.git("init", "-q", "-b", "main");
        r.git("add", "-A");
        r.git("commit", "-q", "-m", "first");
        r.write(C, "package p;\npublic class C {\n    int c() { return 2; }\n    int d() { return 3; }\n}\n");
        r.git("commit", "-q", "-am", "change C");
        return r;
    }

    public Path root() {
        return root;
    }

    public void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    public String git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", root.toString(), "-c", "user.name=Ann",
                "-c", "user.email=ann@example.test", "-c", "commit.gpgsign=false"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
