package dev.cofferdam.vm.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pinned tool list of the agent image and its parser. */
class AgentToolTest {
    @Test
    void theShippedListPinsTheThreeAgentClisAfterNpm() throws Exception {
        List<AgentTool> tools = AgentTool.pinned();
        assertThat(tools).extracting(AgentTool::command).containsExactly("npm", "claude", "codex", "gemini");
        assertThat(tools).extracting(AgentTool::pkg)
                .containsExactly("npm", "@anthropic-ai/claude-code", "@openai/codex", "@google/gemini-cli");
        assertThat(tools).allSatisfy(t -> assertThat(t.version()).matches("\\d+\\.\\d+\\.\\d+"));
        assertThat(tools).filteredOn(AgentTool::runsInstallScript).extracting(AgentTool::command)
                .containsExactly("claude");
        assertThat(tools.get(1).spec()).isEqualTo("@anthropic-ai/claude-code@" + tools.get(1).version());
    }

    @Test
    void commentsAndBlankLinesAreSkipped() throws Exception {
        assertThat(AgentTool.parse("# header\n\ncodex @openai/codex 1.2.3 # trailing\n"))
                .containsExactly(new AgentTool("codex", "@openai/codex", "1.2.3", false));
    }

    @Test
    void aLineWithoutAnExactVersionNamesItsLine() {
        assertThatThrownBy(() -> AgentTool.parse("npm npm 11.0.0\ngemini @google/gemini-cli latest\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 2").hasMessageContaining("latest");
        assertThatThrownBy(() -> AgentTool.parse("claude @anthropic-ai/claude-code 2.0.0 postinstall\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("line 1");
    }
}
