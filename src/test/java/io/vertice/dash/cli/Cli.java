package io.vertice.dash.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * The one way tests run dash in-process: the real command line, built as {@code dash} builds it, with a
 * controlled environment (empty unless given: a developer's GRAFANA_URL never leaks into a test) and
 * everything it prints captured.
 */
public final class Cli {
    private Cli() {}

    /** What one run returned and printed. */
    public record Result(int exit, String out, String err) {
        /** stdout then stderr. */
        public String all() {
            return out + err;
        }
    }

    /** Runs dash with an empty environment. */
    public static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs dash with these environment variables for the {@code ${env:NAME}} option defaults. */
    public static Result run(Map<String, String> env, String... args) {
        return run(CommandFactory.standard().withEnvironment(env), args);
    }

    /** Runs dash with what {@code factory} gives the commands (see {@link CommandFactory}). */
    static Result run(CommandFactory factory, String... args) {
        return run(Main.commandLine(factory, args), args);
    }

    /** Runs a command line built by {@link Main#commandLine} (a test may add a command to it first). */
    static Result run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
