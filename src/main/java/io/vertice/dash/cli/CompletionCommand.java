package io.vertice.dash.cli;

import io.vertice.dash.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dash completion}: a bash/zsh completion script for every command and option. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = "Print a bash/zsh completion script for dash.",
        footer = {"", "Example:", "  source <(./dash completion)      # in ~/.bashrc, or zsh with bashcompinit"})
public final class CompletionCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandSpec root = spec.root();
        String script = AutoComplete.bash(root.name(), root.commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
