package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser alone: what it reports for byte streams, including broken ones and split chunks. */
class VtParserTest {
    private final List<String> events = new ArrayList<>();
    private final VtParser parser = new VtParser(new VtHandler() {
        @Override
        public void print(int cp) {
            events.add("print " + new String(Character.toChars(cp)));
        }

        @Override
        public void execute(int control) {
            events.add("exec " + control);
        }

        @Override
        public void escape(String intermediates, int finalChar) {
            events.add("esc " + intermediates + (char) finalChar);
        }

        @Override
        public void csi(CsiParams params) {
            events.add(params.toString());
        }

        @Override
        public void osc(String text) {
            events.add("osc " + text);
        }
    });

    private void feed(byte[] bytes, int chunk) {
        for (int i = 0; i < bytes.length; i += chunk) {
            parser.feed(bytes, i, Math.min(chunk, bytes.length - i));
        }
    }

    private void feed(String s) {
        feed(s.getBytes(StandardCharsets.UTF_8), 1);
    }

    @Test
    void utf8SplitAcrossChunksComesOutWhole() {
        byte[] bytes = "é日😀".getBytes(StandardCharsets.UTF_8);
        feed(bytes, 1);
        assertThat(events).containsExactly("print é", "print 日", "print 😀");
    }

    @Test
    void malformedUtf8BecomesReplacementCharacters() {
        feed(new byte[] {(byte) 0xe6, (byte) 0x97, 'a', (byte) 0xff, (byte) 0xc0, (byte) 0x80}, 2);
        assertThat(events).containsExactly("print \ufffd", "print a", "print \ufffd", "print \ufffd", "print \ufffd");
    }

    @Test
    void csiParametersMarkersAndIntermediates() {
        feed("\033[?1049h\033[>4;2m\033[;5H\033[2 q\033[38:2::1:2:3m");
        assertThat(events).containsExactly("CSI ?[1049]h", "CSI >[4, 2]m", "CSI [-1, 5]H", "CSI [2] q",
                "CSI [38, 2, -1, 1, 2, 3]m");
    }

    @Test
    void controlsInsideASequenceActAndCanAbortIt() {
        feed("\033[1\n2Ax\033[12\030y");
        assertThat(events).containsExactly("exec 10", "CSI [12]A", "print x", "print y");
    }

    @Test
    void oscEndsWithBelOrStringTerminatorAndDcsIsSkipped() {
        feed("\033]0;my title\007a\033]2;other\033\\b\033Pzz\033\\c\033_apc\033\\d");
        assertThat(events).containsExactly("osc 0;my title", "print a", "osc 2;other", "print b", "print c", "print d");
    }

    @Test
    void anEscapeInsideAnOscStartsANewSequence() {
        feed("\033]0;cut\033[1mX");
        assertThat(events).containsExactly("osc 0;cut", "CSI [1]m", "print X");
    }

    @Test
    void malformedSequencesAreDroppedUpToTheirFinalByteAndTheTextAfterThemStays() {
        feed("\033[1;2?3hA\033[\u00e9;5BB\033#8C");
        assertThat(events).containsExactly("print A", "print B", "esc #8", "print C");
    }

    @Test
    void escapeSequencesWithIntermediates() {
        feed("\033(0\033)B\0337\033M");
        assertThat(events).containsExactly("esc (0", "esc )B", "esc 7", "esc M");
    }

    @Test
    void absurdParametersAreCapped() {
        feed("\033[99999999999A");
        assertThat(events).containsExactly("CSI [65535]A");
        events.clear();
        feed("\033[" + "1;".repeat(40) + "1mZ");
        assertThat(events).containsExactly("print Z");
    }

    @Test
    void terminalKeepsTheWindowTitle() {
        Terminal t = new Terminal(2, 10, b -> { });
        List<String> titles = new ArrayList<>();
        t.setOnTitle(titles::add);
        t.feed("\033]0;vim sample.txt\007\033]1;icon\007".getBytes(StandardCharsets.UTF_8));
        assertThat(t.title()).isEqualTo("vim sample.txt");
        assertThat(titles).containsExactly("vim sample.txt");
    }
}
