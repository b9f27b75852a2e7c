package io.vertice.dash.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs dash in-process with a controlled environment and captures everything it prints. */
final class Cli {
    private Cli() {
    }

    record Result(int exit, String out, String err) {
        String all() {
            return out + err;
        }
    }

    static Result run(Map<String, String> env, String... args) {
        GlobalOptions.reset();
        GrafanaOptions.environment = env::get;
        try {
            CommandLine cl = Main.commandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            int exit = cl.execute(args);
            return new Result(exit, out.toString(), err.toString());
        } finally {
            GrafanaOptions.environment = System::getenv;
        }
    }
}
