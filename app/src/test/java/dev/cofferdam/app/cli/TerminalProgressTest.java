package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    @Test
    void rewritesOneLineInPlaceAndErasesIt() {
        StringWriter err = new StringWriter();
        TerminalProgress p = new TerminalProgress(new PrintWriter(err, true));
        p.progress("parsing", 1, 10);
        p.progress("parsing", 10, 10); // the last step of a phase is always shown
        p.progress("owners", 2, 2);
        p.clear();
        String text = err.toString();
        assertThat(text).startsWith("\rcofferdam: parsing 1/10").contains("\rcofferdam: parsing 10/10")
                .contains("\rcofferdam: owners 2/2  ").endsWith("\r" + " ".repeat("cofferdam: owners 2/2".length()) + "\r");
        assertThat(text).doesNotContain("\n");
    }

    @Test
    void withoutATerminalNothingIsPrinted() {
        StringWriter err = new StringWriter();
        // tests run without a console, as when stderr or stdout is redirected
        TerminalProgress.forTerminal(new PrintWriter(err, true)).progress("parsing", 1, 2);
        assertThat(err.toString()).isEmpty();
    }
}
