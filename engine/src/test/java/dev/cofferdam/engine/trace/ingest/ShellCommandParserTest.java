package dev.cofferdam.engine.trace.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.engine.trace.CallKind;
import dev.cofferdam.engine.trace.FileEffect;
import dev.cofferdam.engine.trace.FileOp;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellCommandParserTest {
    private static List<String> fx(String cmd) {
        return ShellCommandParser.analyze(cmd, "/w").effects().stream()
                .map(e -> e.op().label() + " " + e.path()).toList();
    }

    @Test
    void rmWithOptionsAndSeveralFiles() {
        assertThat(fx("rm -rf build/out a.txt -- -weird")).containsExactly(
                "delete /w/build/out", "delete /w/a.txt", "delete /w/-weird");
    }

    @Test
    void moveAndCopyIntoDirectoryOrOntoFile() {
        assertThat(fx("mv a.txt b.txt")).containsExactly("move-from /w/a.txt", "move-to /w/b.txt");
        assertThat(fx("mv a b dir")).containsExactly("move-from /w/a", "move-to /w/dir/a",
                "move-from /w/b", "move-to /w/dir/b");
        assertThat(fx("cp -r src/x.java /tmp/")).containsExactly("copy-to /tmp/x.java");
    }

    @Test
    void sedInPlaceButNotSedPrint() {
        assertThat(fx("sed -i 's/a/b/g' src/A.java src/B.java")).containsExactly(
                "modify /w/src/A.java", "modify /w/src/B.java");
        assertThat(fx("sed -i.bak -e 's/a/b/' f")).containsExactly("modify /w/f");
        ShellAnalysis print = ShellCommandParser.analyze("sed -n '1,20p' src/A.java", "/w");
        assertThat(print.effects()).isEmpty();
        assertThat(print.reads()).containsExactly("/w/src/A.java");
        assertThat(print.kind()).isEqualTo(CallKind.EXPLORE);
    }

    @Test
    void redirectsAndTeeButNotDevNullOrFdDup() {
        assertThat(fx("echo hi > out.txt && cat a >> log/all.log 2>&1")).containsExactly(
                "modify /w/out.txt", "modify /w/log/all.log");
        assertThat(fx("make 2>/dev/null >&2")).isEmpty();
        assertThat(fx("ls | tee -a listing.txt")).containsExactly("modify /w/listing.txt");
        assertThat(fx("echo x>y")).containsExactly("modify /w/y");
    }

    @Test
    void gitRmAndMvWithDirectoryOption() {
        assertThat(fx("git rm -q old.txt && git -C sub mv a.c b.c")).containsExactly(
                "delete /w/old.txt", "move-from /w/sub/a.c", "move-to /w/sub/b.c");
        assertThat(ShellCommandParser.analyze("git status && git diff", "/w").kind()).isEqualTo(CallKind.EXPLORE);
    }

    @Test
    void heredocBodyIsNotParsedButItsRedirectIs() {
        String cmd = "cat <<'EOF' > notes.md\nrm -rf /\necho > evil\nEOF\nls";
        assertThat(fx(cmd)).containsExactly("modify /w/notes.md");
    }

    @Test
    void cdAndBashMinusCAreFollowed() {
        assertThat(fx("cd sub && rm x")).containsExactly("delete /w/sub/x");
        assertThat(fx("bash -lc \"cd /tmp; rm -f t.log\"")).containsExactly("delete /tmp/t.log");
        assertThat(fx("FOO=1 sudo rm 'a b.txt'")).containsExactly("delete /w/a b.txt");
    }

    @Test
    void quotedOperatorsAreNotOperators() {
        assertThat(fx("echo 'a > b; rm c'")).isEmpty();
        assertThat(fx("grep \"x|y\" f.txt")).isEmpty();
    }

    @Test
    void verifyCommandsAreRecognized() {
        assertThat(ShellCommandParser.analyze("mvn -q test", "/w").kind()).isEqualTo(CallKind.VERIFY);
        assertThat(ShellCommandParser.analyze("cd app && npm run test -- --watch=false", "/w").kind())
                .isEqualTo(CallKind.VERIFY);
        assertThat(ShellCommandParser.analyze("python -m pytest tests/", "/w").kind()).isEqualTo(CallKind.VERIFY);
        assertThat(ShellCommandParser.analyze("mix phx.server", "/w").kind()).isEqualTo(CallKind.OTHER);
    }

    @Test
    void patchFilesAddUpdateMoveDelete() {
        String patch = "*** Begin Patch\n*** Add File: n.txt\n+hello\n*** Update File: a/b.py\n*** Move to: a/c.py\n"
                + "@@\n-x\n+y\n*** Delete File: gone.txt\n*** End Patch";
        List<FileEffect> fx = PatchParser.parse(patch, "/w");
        assertThat(fx).extracting(e -> e.op() + " " + e.path()).containsExactly("CREATE /w/n.txt",
                "MOVE_FROM /w/a/b.py", "MOVE_TO /w/a/c.py", "DELETE /w/gone.txt");
        assertThat(fx.get(0).diff()).isEqualTo("+hello\n");
        assertThat(fx.get(2).diff()).isEqualTo("@@\n-x\n+y\n");
        assertThat(fx.get(3).op()).isEqualTo(FileOp.DELETE);
    }

    @Test
    void applyPatchRunThroughTheShellToolIsAnEdit() throws Exception {
        com.fasterxml.jackson.databind.JsonNode args = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"command\":[\"apply_patch\",\"*** Begin Patch\\n*** Update File: src/x.py\\n@@\\n-a\\n+b\\n"
                        + "*** End Patch\"],\"workdir\":\"/w\"}");
        CallSpec spec = ToolClassifier.classify("shell", args, "/ignored");
        assertThat(spec.kind()).isEqualTo(CallKind.EDIT);
        assertThat(spec.effects()).extracting(e -> e.op() + " " + e.path()).containsExactly("MODIFY /w/src/x.py");
    }
}
