package io.vertice.dash.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Options every command takes; mix in with {@code @Mixin GlobalOptions global;}. */
public final class GlobalOptions {
    private static volatile boolean verbose;

    @Option(names = "--verbose", description = "Print more detail, and stack traces on errors. Secrets are never printed.")
    void setVerbose(boolean value) {
        verbose = value;
    }

    /** Forgets --verbose from an earlier invocation in the same JVM (tests run many). */
    static void reset() {
        verbose = false;
    }

    /** Whether --verbose was given on this invocation. */
    public static boolean verbose() {
        return verbose;
    }

    /**
     * Where detail lines (one per HTTP request and retry) go: {@code err} as "dash: ..." when --verbose is on,
     * nowhere otherwise. Safe for parallel workers.
     */
    public static Consumer<String> verboseLog(PrintWriter err) {
        return verbose ? line -> {
            synchronized (err) {
                err.println("dash: " + line);
                err.flush();
            }
        } : line -> { };
    }
}
