package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dash} command line. Each subcommand is a thin class in this package that parses its
 * options and calls its capability's entry point; failures travel as {@link DashException} and become
 * one sentence on stderr and the documented exit code. Anything else that escapes a command is a bug in
 * dash: exit 4 with one sentence ({@link #handle}), never exit 1, which CI would read as findings.
 */
@Command(
        name = "dash",
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

    /** {@code --verbose} before the command name: {@code dash --verbose validate}. */
    @CommandLine.Mixin
    GlobalOptions global;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs dash with these arguments and returns the exit code (tests call this). */
    public static int run(String... args) {
        try {
            return commandLine(args).execute(args);
        } catch (RuntimeException | Error e) {
            // building the command line failed: no command ran, but it is still a bug in dash
            return internalError(
                    e,
                    new PrintWriter(
                            new java.io.OutputStreamWriter(System.err, java.nio.charset.Charset.defaultCharset()),
                            true),
                    false);
        }
    }

    /** The full command line, every subcommand registered. */
    public static CommandLine commandLine() {
        return commandLine(CommandFactory.standard(), new String[0]);
    }

    static CommandLine commandLine(String[] args) {
        return commandLine(CommandFactory.standard(), args);
    }

    /**
     * The command line for these arguments. When they name a subcommand, only that one is built:
     * picocli models each registered command by reflection at start-up, and a short-lived CLI pays
     * for that on every run. Anything else (no arguments, top-level options, help, completion, an
     * unknown name) gets every subcommand, so help, completion and suggestions stay complete.
     */
    static CommandLine commandLine(CommandFactory factory, String[] args) {
        CommandLine cl = new CommandLine(new Main(), factory);
        Class<?> only = subcommandNamed(firstCommandName(args));
        for (Class<?> sub : SUBCOMMANDS) {
            if (only == null || sub == only) {
                cl.addSubcommand(sub);
            }
        }
        // -V and --version answer the same on every command, not an empty line on subcommands
        offerVersionEverywhere(cl, cl.getCommandSpec().versionProvider());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setExecutionStrategy(Main::executeCatchingErrors);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setDefaultValueProvider(factory.defaults());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // an empty --out= or --from= would silently mean the working directory
        cl.registerConverter(Path.class, value -> {
            if (value.isBlank()) {
                throw new CommandLine.TypeConversionException("an empty path names no file or directory");
            }
            return Path.of(value);
        });
        // picocli already leaves colour out when output is not a terminal; NO_COLOR turns it off everywhere
        String noColor = System.getenv("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) {
            cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return cl;
    }

    /** The first argument that is not a top-level option: {@code validate} in {@code dash --verbose validate}. */
    private static String firstCommandName(String[] args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a;
            }
            if (!a.equals("--verbose")) {
                return null;
            }
        }
        return null;
    }

    private static void offerVersionEverywhere(CommandLine cl, CommandLine.IVersionProvider version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.getCommandSpec().versionProvider(version);
            offerVersionEverywhere(sub, version);
        }
    }

    private static Class<?> subcommandNamed(String name) {
        if (name == null || name.equals("help") || name.equals("completion")) {
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

    /**
     * picocli's execution exception handler, the one place a failure of any command becomes output: a
     * {@link DashException} is its sentence and exit code; anything else is an internal error (exit 4).
     */
    private static int handle(Exception thrown, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = GlobalOptions.of(cl.getCommandSpec()).verbose();
        Throwable e = unwrap(thrown);
        if (e instanceof DashException de) {
            err.println("dash: " + de.getMessage());
            if (verbose && de.getCause() != null) {
                de.getCause().printStackTrace(err);
            }
            err.flush();
            return de.exitCode();
        }
        return internalError(e, err, verbose);
    }

    /**
     * What really failed: a failure in another thread (a parallel import, the catalogue loaded while
     * rendering) arrives wrapped by the future that carried it, and an {@link Error} wrapped by
     * {@link #executeCatchingErrors}; a {@link DashException} inside keeps its sentence and exit code.
     */
    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CommandLine.ExecutionException
                        || t instanceof CompletionException
                        || t instanceof ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /**
     * picocli hands its exception handler only {@link Exception}s and lets an {@link Error} (a stack overflow
     * on a pathological input, say) escape {@code execute}: wrapped here, it reaches {@link #handle} too.
     */
    private static int executeCatchingErrors(CommandLine.ParseResult parsed) {
        try {
            return new CommandLine.RunLast().execute(parsed);
        } catch (Error e) {
            CommandLine last =
                    parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            throw new CommandLine.ExecutionException(last, "internal error", e);
        }
    }

    /** "dash: internal error: ...; rerun with --verbose and report it." and exit 4; the stack trace only with --verbose. */
    static int internalError(Throwable e, PrintWriter err, boolean verbose) {
        err.println("dash: internal error: " + describe(e) + "; rerun with --verbose and report it.");
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    /**
     * What failed and where, for the bug report: the exception's simple name and dash's innermost method
     * on the stack, e.g. {@code NullPointerException in DashboardDiff.compare}. Its message is left for
     * --verbose: a JDK message is about Java types, not about the user's input.
     */
    private static String describe(Throwable e) {
        StackTraceElement where = null;
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("io.vertice.dash.")) {
                where = frame;
                break;
            }
        }
        if (where == null && e.getStackTrace().length > 0) {
            where = e.getStackTrace()[0];
        }
        String name = e.getClass().getSimpleName();
        if (where == null) {
            return name;
        }
        String cls = where.getClassName();
        return name + " in " + cls.substring(cls.lastIndexOf('.') + 1) + "." + where.getMethodName();
    }

    /** {@code --version} prints the version the build stamped into the jar. */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dash " + Version.get()};
        }
    }
}
