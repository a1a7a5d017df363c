package dev.cofferdam.app.cli;

import dev.cofferdam.app.init.CodexToml;
import dev.cofferdam.app.init.FileEdit;
import dev.cofferdam.app.init.InitException;
import dev.cofferdam.app.init.InitPlan;
import dev.cofferdam.app.init.LaunchCommand;
import dev.cofferdam.engine.AnalysisException;
import dev.cofferdam.engine.map.RepoMap;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cofferdam init [PATH] [--yes]}: wires the MCP server into Claude Code and Codex, writes the map notes. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Wire `cofferdam mcp` into Claude Code (.mcp.json) and Codex (~/.codex/config.toml) and write a "
                + "short code map into AGENTS.md and CLAUDE.md between cofferdam markers. Shows the changes and asks first.")
final class InitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH",
            description = "Repository root (default: the current directory).")
    Path path;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking.")
    boolean yes;

    @Override
    public Integer call() throws Exception {
        Path root = Repos.root(path);
        PrintWriter out = spec.commandLine().getOut();
        RepoMap map = Repos.map(root, TerminalProgress.forTerminal(spec.commandLine().getErr()));
        InitPlan plan;
        try {
            plan = InitPlan.of(root, map, CodexToml.defaultFile(), LaunchCommand.current());
        } catch (InitException e) {
            throw new AnalysisException(e.getMessage());
        }
        if (!plan.changes()) {
            out.println("cofferdam: already set up in " + root + ": nothing to change");
            out.flush();
            return CofferdamCommand.EXIT_OK;
        }
        for (FileEdit e : plan.edits()) {
            out.println((e.changes() ? "~ " : "= ") + e.file() + ": " + e.what());
            if (e.changes()) {
                e.summary(12).forEach(l -> out.println("    " + l));
            }
        }
        out.flush();
        if (!yes) {
            Console console = System.console();
            if (console == null) {
                throw new AnalysisException("init changes the files above: rerun with --yes to apply (no terminal to ask)");
            }
            String answer = console.readLine("Apply these changes? [y/N] ");
            if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
                out.println("cofferdam: nothing changed");
                out.flush();
                return CofferdamCommand.EXIT_OK;
            }
        }
        plan.apply();
        long n = plan.edits().stream().filter(FileEdit::changes).count();
        out.println("cofferdam: updated " + n + (n == 1 ? " file" : " files") + "; restart the agent to load the MCP server");
        out.flush();
        return CofferdamCommand.EXIT_OK;
    }
}
