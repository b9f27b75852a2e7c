package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertice.dash.DashException;
import io.vertice.dash.testing.RealPrometheus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class MainTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndEverythingElseGetsAll() {
        assertThat(Main.commandLine(new String[] {"export", "--check"}).getSubcommands())
                .containsOnlyKeys("export");
        assertThat(Main.commandLine(new String[] {"--verbose", "export"}).getSubcommands())
                .containsOnlyKeys("export");
        assertThat(Main.commandLine(new String[] {}).getSubcommands())
                .containsKeys(
                        "help",
                        "export",
                        "list",
                        "validate",
                        "simulate",
                        "completion",
                        "promql",
                        "docs",
                        "import",
                        "pull",
                        "diff");
        assertThat(Main.commandLine(new String[] {"--help"}).getSubcommands()).hasSize(11);
        assertThat(Main.commandLine(new String[] {"help", "export"}).getSubcommands())
                .hasSize(11);
        assertThat(Main.commandLine(new String[] {"exprt"}).getSubcommands()).hasSize(11);
    }

    static Stream<Arguments> typos() {
        return Stream.of(
                arguments(
                        "a mistyped command",
                        List.of("exprot"),
                        "dash: unknown command 'exprot' for 'dash'. Did you mean 'export'? See 'dash --help'."),
                arguments(
                        "a mistyped subcommand",
                        List.of("promql", "chek"),
                        "dash: unknown command 'chek' for 'dash promql'. Did you mean 'check'? See 'dash promql --help'."),
                arguments(
                        "a word that is no command",
                        List.of("deploy"),
                        "dash: unknown command 'deploy' for 'dash'. See 'dash --help'."),
                arguments(
                        "a mistyped option",
                        List.of("export", "--chek"),
                        "dash: unknown option '--chek' for 'dash export'. Did you mean '--check'? See 'dash export --help'."),
                arguments(
                        "a mistyped negated option",
                        List.of("export", "--no-valdate"),
                        "dash: unknown option '--no-valdate' for 'dash export'. Did you mean '--no-validate'? See 'dash export --help'."),
                arguments(
                        "a mistyped option with a value",
                        List.of("simulate", "--prot=9000"),
                        "dash: unknown option '--prot' for 'dash simulate'. Did you mean '--port'? See 'dash simulate --help'."),
                arguments(
                        "a stray argument",
                        List.of("export", "now"),
                        "dash: unexpected argument 'now'; 'dash export' takes no such argument. See 'dash export --help'."),
                arguments(
                        "a value of the wrong type",
                        List.of("simulate", "--port", "x"),
                        "dash: invalid value for option '--port': 'x' is not an int. See 'dash simulate --help'."),
                arguments(
                        "a missing required option",
                        List.of("pull"),
                        "dash: missing required option: '--out=DIR'. See 'dash pull --help'."),
                arguments(
                        "a missing option value",
                        List.of("export", "--out"),
                        "dash: missing required parameter for option '--out' (DIR). See 'dash export --help'."),
                arguments(
                        "an empty path",
                        List.of("export", "--out="),
                        "dash: invalid value for option '--out': an empty path names no file or directory. See 'dash export --help'."),
                arguments(
                        "an option given twice",
                        List.of("import", "--dry-run", "--dry-run"),
                        "dash: option '--dry-run' should be specified only once. See 'dash import --help'."),
                arguments(
                        "an unknown format",
                        List.of("validate", "--format", "xml"),
                        "dash: invalid value for option '--format': expected one of [TEXT, JSON, JUNIT, GITHUB] (case-insensitive) but was 'xml'. See 'dash validate --help'."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typos")
    void aMistakeOnTheCommandLineIsOneLineNamingTheHelpToRead(String name, List<String> args, String expected) {
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void typosAreMatchedByEditDistance() {
        List<String> commands = List.of("export", "list", "validate", "simulate", "import", "pull", "diff", "docs");
        assertThat(UsageErrorHandler.closest("exprot", commands)).contains("export");
        assertThat(UsageErrorHandler.closest("valdiate", commands)).contains("validate");
        assertThat(UsageErrorHandler.closest("imprt", commands)).contains("import");
        assertThat(UsageErrorHandler.closest("pul", commands)).contains("pull");
        assertThat(UsageErrorHandler.closest("deploy", commands)).isEmpty();
        assertThat(UsageErrorHandler.closest("xy", commands)).isEmpty();
    }

    @Test
    void versionWorksOnEveryCommand() {
        String version = Cli.run("--version").out();
        assertThat(version).matches("dash \\d+\\.\\d+\\.\\d+.*\\R");
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(10);
        for (List<String> command : commands) {
            for (String flag : List.of("-V", "--version")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                Cli.Result r = Cli.run(args.toArray(String[]::new));
                assertThat(r.exit())
                        .as("dash %s %s", String.join(" ", command), flag)
                        .isZero();
                assertThat(r.out())
                        .as("dash %s %s", String.join(" ", command), flag)
                        .isEqualTo(version);
            }
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        for (var sub : cl.getSubcommands().entrySet()) {
            if (sub.getKey().equals("help")) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(sub.getKey());
            out.add(here);
            collect(sub.getValue(), here, out);
        }
    }

    @Test
    void verboseIsAcceptedBeforeTheCommandAsWellAsAfterIt() {
        int port = RealPrometheus.freePort();
        String url = "http://127.0.0.1:" + port + "/metrics";
        Cli.Result before = Cli.run("--verbose", "validate", "--metrics-url", url);
        Cli.Result after = Cli.run("validate", "--verbose", "--metrics-url", url);
        Cli.Result without = Cli.run("validate", "--metrics-url", url);
        assertThat(before.exit()).isEqualTo(3);
        assertThat(before.err()).contains("dash: retrying GET /metrics");
        assertThat(before.err().lines().count())
                .isEqualTo(after.err().lines().count())
                .isGreaterThan(1);
        assertThat(without.err().lines()).hasSize(1);
    }

    @Test
    void everyOptionNamesItsValueInWordsNotByItsJavaField() {
        List<String> javaNames = new ArrayList<>();
        List<CommandLine> all = new ArrayList<>(List.of(Main.commandLine()));
        for (int i = 0; i < all.size(); i++) {
            CommandLine cl = all.get(i);
            all.addAll(cl.getSubcommands().values());
            for (CommandLine.Model.ArgSpec arg : cl.getCommandSpec().args()) {
                // picocli's default label is the field's name in angle brackets, and error messages about a
                // value quote it ("option '--x' (<fieldName>)"); flags without a value never show it
                if (arg.arity().max() > 0 && arg.paramLabel().startsWith("<")) {
                    javaNames.add(cl.getCommandSpec().qualifiedName() + " " + arg.paramLabel());
                }
            }
        }
        assertThat(javaNames).isEmpty();
    }

    /** A command that fails the way a bug in dash would. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        final Supplier<Throwable> failure;

        Boom(Supplier<Throwable> failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            Throwable t = failure.get();
            if (t instanceof Error e) {
                throw e;
            }
            throw (Exception) t;
        }
    }

    static Stream<Arguments> bugs() {
        return Stream.of(
                arguments("a null pointer", (Supplier<Throwable>) NullPointerException::new, "NullPointerException"),
                arguments(
                        "a bad cast",
                        (Supplier<Throwable>) () -> new ClassCastException(
                                "class com.fasterxml.jackson.databind.node.IntNode cannot be cast"),
                        "ClassCastException"),
                arguments(
                        "an illegal state",
                        (Supplier<Throwable>) () -> new IllegalStateException("two dashboards share the uid x"),
                        "IllegalStateException"),
                arguments(
                        "a checked exception",
                        (Supplier<Throwable>) () -> new java.io.IOException("disk"),
                        "IOException"),
                arguments("a stack overflow", (Supplier<Throwable>) StackOverflowError::new, "StackOverflowError"),
                arguments(
                        "a bug in another thread",
                        (Supplier<Throwable>)
                                () -> new java.util.concurrent.CompletionException(new NullPointerException()),
                        "NullPointerException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bugs")
    void anUnexpectedFailureIsExitFourWithOneSentenceAndTheStackTraceOnlyWithVerbose(
            String name, Supplier<Throwable> failure, String kind) {
        Cli.Result quiet = Cli.run(withBoom(failure), "boom");
        assertThat(quiet.exit()).isEqualTo(4);
        assertThat(quiet.out()).isEmpty();
        assertThat(quiet.err())
                .hasLineCount(1)
                .startsWith("dash: internal error: " + kind + " in MainTest")
                .endsWith("; rerun with --verbose and report it." + System.lineSeparator());

        for (List<String> args : List.of(List.of("boom", "--verbose"), List.of("--verbose", "boom"))) {
            Cli.Result loud = Cli.run(withBoom(failure), args.toArray(String[]::new));
            assertThat(loud.exit()).as(args.toString()).isEqualTo(4);
            assertThat(loud.err())
                    .as(args.toString())
                    .startsWith("dash: internal error: " + kind)
                    .contains("\tat ");
        }
    }

    @Test
    void aDashExceptionKeepsItsSentenceAndExitCode() {
        Cli.Result r = Cli.run(withBoom(() -> DashException.remote("Grafana at http://g/ is down.")), "boom");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("dash: Grafana at http://g/ is down." + System.lineSeparator());
    }

    @Test
    void aDashExceptionFromAnotherThreadKeepsItsSentenceAndExitCode() {
        Cli.Result r = Cli.run(
                withBoom(() -> new java.util.concurrent.CompletionException(
                        DashException.input("cannot write /x/a.json: disk full."))),
                "boom");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("dash: cannot write /x/a.json: disk full." + System.lineSeparator());
    }

    @Test
    void aBugInsideARealCommandIsExitFourNotFindings() {
        Cli.Result r = Cli.run(
                CommandFactory.standard()
                        .withEnvironment(java.util.Map.of("GRAFANA_URL", "http://127.0.0.1:1"))
                        .withImportCheck(dashboards -> {
                            throw new IllegalStateException("a bug in the check");
                        }),
                "import",
                "--validate");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err())
                .startsWith("dash: internal error: IllegalStateException in ")
                .endsWith("; rerun with --verbose and report it." + System.lineSeparator())
                .doesNotContain("\tat ");
    }

    private static CommandLine withBoom(Supplier<Throwable> failure) {
        CommandLine cl = Main.commandLine(CommandFactory.standard(), new String[0]);
        cl.addSubcommand("boom", new Boom(failure));
        return cl;
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        Cli.Result r = Cli.run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "export",
                        "validate",
                        "simulate",
                        "import",
                        "pull",
                        "diff",
                        "docs",
                        "promql",
                        "completion",
                        "list");
    }
}
