package dev.cofferdam.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cofferdam.app.logging.LogFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class MapCliErrorsTest {
    @TempDir
    Path dir;

    @Test
    void missingPathIsBadInput() {
        for (String cmd : new String[] {"map", "blast"}) {
            Cli r = cmd.equals("map") ? Cli.run("map", dir.resolve("nope").toString())
                    : Cli.run("blast", dir.resolve("nope").toString(), "A.java");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("cofferdam: no such directory: " + dir.resolve("nope") + System.lineSeparator());
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void fileInsteadOfDirectoryIsBadInput() throws Exception {
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        Cli r = Cli.run("map", file.toString(), "--format", "md");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("cofferdam: not a directory: " + file).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void blastWithoutSeedOrDiffIsBadInput() {
        Cli r = Cli.run("blast", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("cofferdam: name at least one SEED");
        Cli c = Cli.run("context", "--budget", "100");
        assertThat(c.exit()).isEqualTo(2);
        assertThat(c.err()).startsWith("cofferdam: name at least one SEED");
    }

    @Test
    void usageErrorsAreBadInput() {
        Cli r = Cli.run("map", dir.toString(), "--format", "xml");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("cofferdam: Invalid value for option '--format'");
        assertThat(Cli.run("blast", dir.toString(), "X", "--depth", "many").exit()).isEqualTo(2);
        assertThat(Cli.run("context", "X", "--budget", "-5").err()).contains("--budget must be 0");
    }

    @Test
    void helpListsTheMapCommands() {
        Cli r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("map", "blast", "context");
        assertThat(Cli.run("blast", "--help").out()).contains("--git=A..B", "--patch=FILE", "--working-tree", "--depth=N");
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("kaboom\nsecond line");
        }
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithTheLogPathAndNoStackTrace() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Boom());
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler(new CliErrors());
        int exit = cl.execute();
        assertThat(exit).isEqualTo(1);
        Path log = LogFiles.logFile();
        assertThat(err.toString()).isEqualTo("cofferdam: internal error: kaboom (details in " + log + ")"
                + System.lineSeparator());
        // the stack trace went to the log file instead
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains("java.lang.IllegalStateException: kaboom", "at dev.cofferdam.app.cli");
    }
}
