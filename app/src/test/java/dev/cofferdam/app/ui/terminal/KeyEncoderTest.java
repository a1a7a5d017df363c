package dev.cofferdam.app.ui.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The bytes keys and pastes turn into, as an xterm sends them. */
class KeyEncoderTest {
    private static String pressed(KeyCode code, boolean shift, boolean ctrl, boolean alt, boolean app) {
        byte[] b = KeyEncoder.pressed(code, shift, ctrl, alt, app);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static String plain(KeyCode code) {
        return pressed(code, false, false, false, false);
    }

    private static String ctrl(KeyCode code) {
        return pressed(code, false, true, false, false);
    }

    @Test
    void editingKeys() {
        assertThat(plain(KeyCode.ENTER)).isEqualTo("\r");
        assertThat(plain(KeyCode.BACK_SPACE)).isEqualTo("\177");
        assertThat(plain(KeyCode.TAB)).isEqualTo("\t");
        assertThat(pressed(KeyCode.TAB, true, false, false, false)).isEqualTo("\033[Z");
        assertThat(plain(KeyCode.ESCAPE)).isEqualTo("\033");
        assertThat(plain(KeyCode.INSERT)).isEqualTo("\033[2~");
        assertThat(plain(KeyCode.DELETE)).isEqualTo("\033[3~");
        assertThat(plain(KeyCode.PAGE_UP)).isEqualTo("\033[5~");
        assertThat(plain(KeyCode.PAGE_DOWN)).isEqualTo("\033[6~");
    }

    @Test
    void cursorKeysFollowDeccKm() {
        assertThat(plain(KeyCode.UP)).isEqualTo("\033[A");
        assertThat(plain(KeyCode.LEFT)).isEqualTo("\033[D");
        assertThat(plain(KeyCode.HOME)).isEqualTo("\033[H");
        assertThat(plain(KeyCode.END)).isEqualTo("\033[F");
        assertThat(pressed(KeyCode.UP, false, false, false, true)).isEqualTo("\033OA");
        assertThat(pressed(KeyCode.RIGHT, false, false, false, true)).isEqualTo("\033OC");
        assertThat(pressed(KeyCode.RIGHT, false, true, false, true)).isEqualTo("\033[1;5C");
        assertThat(pressed(KeyCode.LEFT, true, false, true, false)).isEqualTo("\033[1;4D");
    }

    @Test
    void functionKeys() {
        assertThat(plain(KeyCode.F1)).isEqualTo("\033OP");
        assertThat(plain(KeyCode.F4)).isEqualTo("\033OS");
        assertThat(plain(KeyCode.F5)).isEqualTo("\033[15~");
        assertThat(plain(KeyCode.F10)).isEqualTo("\033[21~");
        assertThat(plain(KeyCode.F12)).isEqualTo("\033[24~");
        assertThat(pressed(KeyCode.F5, true, false, false, false)).isEqualTo("\033[15;2~");
    }

    @Test
    void ctrlLettersAndSymbolsBecomeControlCodes() {
        assertThat(ctrl(KeyCode.A)).isEqualTo("\001");
        assertThat(ctrl(KeyCode.C)).isEqualTo("\003");
        assertThat(ctrl(KeyCode.Z)).isEqualTo("\032");
        assertThat(ctrl(KeyCode.SPACE)).isEqualTo("\000");
        assertThat(ctrl(KeyCode.OPEN_BRACKET)).isEqualTo("\033");
        assertThat(ctrl(KeyCode.BACK_SLASH)).isEqualTo("\034");
        assertThat(ctrl(KeyCode.CLOSE_BRACKET)).isEqualTo("\035");
        assertThat(ctrl(KeyCode.MINUS)).isEqualTo("\037");
        assertThat(pressed(KeyCode.X, false, true, true, false)).isEqualTo("\033\030");
        assertThat(plain(KeyCode.A)).isNull();
    }

    @Test
    void typedTextAndAltPrefix() {
        assertThat(KeyEncoder.typed("é", false, false)).isEqualTo("é".getBytes(StandardCharsets.UTF_8));
        assertThat(KeyEncoder.typed("b", false, true)).isEqualTo("\033b".getBytes(StandardCharsets.UTF_8));
        assertThat(KeyEncoder.typed("\r", false, false)).isNull();
        assertThat(KeyEncoder.typed("\003", true, false)).isNull();
        assertThat(KeyEncoder.typed("", false, false)).isNull();
        assertThat(pressed(KeyCode.ENTER, false, false, true, false)).isEqualTo("\033\r");
        assertThat(pressed(KeyCode.BACK_SPACE, false, false, true, false)).isEqualTo("\033\177");
    }

    @Test
    void pasteIsBracketedWhenAskedAndCannotEndTheBracketEarly() {
        assertThat(new String(KeyEncoder.paste("a\nb\r\nc", false), StandardCharsets.UTF_8)).isEqualTo("a\rb\rc");
        assertThat(new String(KeyEncoder.paste("ls\n", true), StandardCharsets.UTF_8))
                .isEqualTo("\033[200~ls\r\033[201~");
        assertThat(new String(KeyEncoder.paste("x\033[201~rm -rf /\n", true), StandardCharsets.UTF_8))
                .isEqualTo("\033[200~xrm -rf /\r\033[201~");
    }
}
