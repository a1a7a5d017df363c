package dev.cofferdam.app.cli;

import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;

/**
 * For commands that end with a command to run ({@code exec NAME sh -c ...}): everything after
 * the first positional parameter is passed on, even when it looks like an option.
 */
final class StopAtPositional implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
        spec.parser().stopAtPositional(true);
        return spec;
    }
}
