package io.vertice.dash.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command takes; mix in with {@code @Mixin GlobalOptions global;}. {@code dash} itself
 * mixes it in too, so {@code dash --verbose validate} and {@code dash validate --verbose} mean the same:
 * whichever command's copy picocli sets, the value is kept on the top-level command's copy (picocli's
 * global-option pattern), one per command line, so parallel runs in one JVM do not share it.
 */
public final class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private boolean verbose;

    @Option(
            names = "--verbose",
            description = "Print more detail, and stack traces on errors. Secrets are never printed. "
                    + "Accepted before or after the command name.")
    void setVerbose(boolean value) {
        // only a given flag is stored: picocli may initialise each command's copy after the top level was set
        if (value) {
            of(mixee).verbose = true;
        }
    }

    /** The options of the command line that {@code spec} belongs to (its top-level command's copy). */
    static GlobalOptions of(CommandSpec spec) {
        if (spec == null) {
            return new GlobalOptions();
        }
        for (CommandSpec mixin : spec.root().mixins().values()) {
            if (mixin.userObject() instanceof GlobalOptions top) {
                return top;
            }
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof GlobalOptions own) {
                return own;
            }
        }
        return new GlobalOptions();
    }

    /** Whether --verbose was given on this command line, before or after the command name. */
    public boolean verbose() {
        return mixee == null ? verbose : of(mixee).verbose;
    }

    /**
     * Where detail lines (one per HTTP request and retry) go: {@code err} as "dash: ..." when --verbose is on,
     * nowhere otherwise. Safe for parallel workers.
     */
    public Consumer<String> verboseLog(PrintWriter err) {
        return verbose()
                ? line -> {
                    synchronized (err) {
                        err.println("dash: " + line);
                        err.flush();
                    }
                }
                : line -> {};
    }
}
