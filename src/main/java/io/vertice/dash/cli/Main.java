package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;

/**
 * The {@code dash} command line. Each subcommand is a thin class in this package that parses its
 * options and calls its capability's entry point; failures travel as {@link DashException} and become
 * one sentence on stderr and the documented exit code.
 */
@Command(name = "dash",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = "Grafana dashboards-as-code for the Vertice consciousness cockpit.",
        footer = {"", "Start with: dash export, dash validate, dash simulate. Each command has --help."})
public final class Main implements Runnable {

    /** The subcommands, in the order help lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            CommandLine.HelpCommand.class,
            ExportCommand.class,
            ListCommand.class,
            ValidateCommand.class,
            SimulateCommand.class,
            CompletionCommand.class,
            PromqlCommand.class,
            DocsCommand.class,
            ImportCommand.class,
            PullCommand.class,
            DiffCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs dash with these arguments and returns the exit code (tests call this). */
    public static int run(String... args) {
        GlobalOptions.reset();
        return commandLine(args).execute(args);
    }

    /** The full command line, every subcommand registered. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments. When they name a subcommand, only that one is built:
     * picocli models each registered command by reflection at start-up, and a short-lived CLI pays
     * for that on every run. Anything else (no arguments, top-level options, help, completion, an
     * unknown name) gets every subcommand, so help, completion and suggestions stay complete.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        Class<?> only = args.length > 0 ? subcommandNamed(args[0]) : null;
        for (Class<?> sub : SUBCOMMANDS) {
            if (only == null || sub == only) {
                cl.addSubcommand(sub);
            }
        }
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli already leaves colour out when output is not a terminal; NO_COLOR turns it off everywhere
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return cl;
    }

    private static Class<?> subcommandNamed(String name) {
        if (name.equals("help") || name.equals("completion")) {
            return null;
        }
        for (Class<?> sub : SUBCOMMANDS) {
            if (sub.getAnnotation(Command.class).name().equals(name)) {
                return sub;
            }
        }
        return null;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = GlobalOptions.verbose();
        if (e instanceof DashException de) {
            err.println("dash: " + de.getMessage());
            if (verbose && de.getCause() != null) {
                de.getCause().printStackTrace(err);
            }
            err.flush();
            return de.exitCode();
        }
        err.println("dash: unexpected error: " + e + (verbose ? "" : " (run again with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FINDINGS;
    }

    /** {@code --version} prints the version the build stamped into the jar. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"dash " + Version.get()};
        }
    }
}
