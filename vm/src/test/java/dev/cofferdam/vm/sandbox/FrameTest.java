package dev.cofferdam.vm.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameTest {
    @Test
    void framesRoundTripWithBigEndianHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Frame(FrameType.STDOUT, 258, "hi".getBytes(StandardCharsets.UTF_8)).writeTo(out);
        assertThat(out.toByteArray()).containsExactly(17, 0, 0, 1, 2, 0, 0, 0, 2, 'h', 'i');
        Frame back = Frame.readFrom(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.type()).isEqualTo(FrameType.STDOUT);
        assertThat(back.id()).isEqualTo(258);
        assertThat(back.text()).isEqualTo("hi");
    }

    @Test
    void execPayloadIsFlagsCwdEnvSeparatorArgv() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("A", "1");
        byte[] p = Frame.execPayload(Optional.of(new TerminalSize(40, 120)), "/w", env, List.of("sh", "-c", "x"));
        assertThat(new String(p, StandardCharsets.UTF_8)).isEqualTo("p40x120\0/w\0A=1\0\0sh\0-c\0x\0");
        byte[] pipes = Frame.execPayload(Optional.empty(), "", Map.of(), List.of("true"));
        assertThat(new String(pipes, StandardCharsets.UTF_8)).isEqualTo("\0\0\0true\0");
    }

    @Test
    void oversizedOrTruncatedFramesAreErrors() {
        byte[] huge = {17, 0, 0, 0, 1, 0x7f, 0, 0, 0};
        assertThatThrownBy(() -> Frame.readFrom(new ByteArrayInputStream(huge))).hasMessageContaining("bad frame length");
        assertThatThrownBy(() -> Frame.readFrom(new ByteArrayInputStream(new byte[0])))
                .hasMessage("the guest agent closed the channel");
    }

    @Test
    void resizeAndSignalPayloadsMatchTheAgent() throws Exception {
        assertThat(Frame.resizePayload(new TerminalSize(50, 300))).containsExactly(0, 50, 1, 44);
        assertThat(Frame.resizePayload(new TerminalSize(65535, 1))).containsExactly(0xff, 0xff, 0, 1);
        assertThat(Frame.signalPayload(15)).containsExactly(15);
        assertThatThrownBy(() -> Frame.signalPayload(0)).hasMessageContaining("not a signal number");
        assertThatThrownBy(() -> Frame.signalPayload(65)).hasMessageContaining("not a signal number");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Frame(FrameType.RESIZE, 7, Frame.resizePayload(new TerminalSize(40, 120))).writeTo(out);
        assertThat(out.toByteArray()).containsExactly(5, 0, 0, 0, 7, 0, 0, 0, 4, 0, 40, 0, 120);
    }
}
