package dev.cofferdam.app.init;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Codex table edit: only {@code [mcp_servers.cofferdam]} changes, wherever it sits. */
class CodexTomlTest {
    private static final Path FILE = Path.of("config.toml");
    private static final List<String> ARGS = List.of("mcp", "/r");
    private static final String TABLE = "[mcp_servers.cofferdam]\ncommand = \"/bin/c\"\nargs = [\"mcp\", \"/r\"]\n";

    @Test
    void appendsToAFileWithoutAFinalNewline() throws Exception {
        FileEdit e = CodexToml.plan(FILE, "model = \"o3\"", "/bin/c", ARGS);
        assertThat(e.after()).isEqualTo("model = \"o3\"\n\n" + TABLE);
        assertThat(CodexToml.plan(FILE, e.after(), "/bin/c", ARGS).changes()).isFalse();
    }

    @Test
    void replacesATableAtTheEndAndKeepsTheRestOfTheFile() throws Exception {
        String head = "# top\n[a]\nx = 1 # note\n\n";
        FileEdit e = CodexToml.plan(FILE, head + "[ mcp_servers.\"cofferdam\" ]  # mine\ncommand = \"old\"", "/bin/c", ARGS);
        assertThat(e.after()).isEqualTo(head + TABLE);
        assertThat(e.what()).contains("update");
    }

    @Test
    void quotesWindowsPathsAndQuotes() throws Exception {
        FileEdit e = CodexToml.plan(FILE, null, "C:\\cofferdam\\bin\\c\"x", List.of("mcp"));
        assertThat(e.after()).contains("command = \"C:\\\\cofferdam\\\\bin\\\\c\\\"x\"");
    }

    @Test
    void refusesAServerDefinedAnotherWay() {
        assertThatThrownBy(() -> CodexToml.plan(FILE, "mcp_servers.cofferdam.command = \"x\"\n", "/bin/c", ARGS))
                .isInstanceOf(InitException.class).hasMessageContaining("without a [mcp_servers.cofferdam] table");
        assertThatThrownBy(() -> CodexToml.plan(FILE, "[mcp_servers]\ncofferdam = { command = \"x\" }\n", "/bin/c", ARGS))
                .isInstanceOf(InitException.class);
    }
}
