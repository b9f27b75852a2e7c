package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.json.Json;
import io.vertice.dash.promql.CheckPipeline;
import io.vertice.dash.promql.CheckResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dash promql check}: parse and type-check PromQL expressions, Grafana variables allowed. */
@Command(
        name = "promql",
        mixinStandardHelpOptions = true,
        description = "PromQL tools: parse and type-check expressions as Prometheus does.",
        subcommands = {PromqlCommand.Check.class},
        footer = {
            "",
            "Example:",
            "  dash promql check 'sum by (state) (rate(maximus_arousal_state_seconds_total[$__rate_interval]))'"
        })
public final class PromqlCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    enum Format {
        text,
        json
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Parse and type-check PromQL expressions (Grafana variables and macros such as "
                        + "$__rate_interval, $${var:regex} and [[var]] are allowed) and report each error with its "
                        + "line, column and a caret.",
                "Exit 0 when all are valid, 1 when any is invalid, 2 when the file cannot be read."
            },
            footer = {
                "",
                "Examples:",
                "  dash promql check 'rate(maximus_esgt_ignition_events_total[$__rate_interval])'",
                "  dash promql check --file queries.txt --format json",
                "  grep -h expr rules.yml | cut -d: -f2- | dash promql check --file -"
            })
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "EXPR", description = "Expressions to check.")
        List<String> expressions = new ArrayList<>();

        @Option(
                names = "--file",
                paramLabel = "FILE",
                description = "Read expressions from FILE ('-' for standard input), one per line; blank lines and "
                        + "lines starting with # are skipped.")
        Path file;

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                defaultValue = "text",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        /** Expressions echoed in text output are cut to this many characters (whole with --verbose). */
        private static final int ECHO_LIMIT = 200;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ArrayNode json = format == Format.json ? Json.array() : null;
            CheckPipeline checks = new CheckPipeline(v -> {
                if (json != null) {
                    JsonVerdict.add(v, json);
                } else {
                    text(v, out);
                }
            });
            try (checks) {
                expressions.forEach(e -> checks.accept(CheckPipeline.Source.argument(e)));
                if (file != null) {
                    CheckPipeline.lines(read(file), checks);
                }
            }
            if (checks.count() == 0) {
                throw DashException.input("no expressions to check: give them as arguments or with --file FILE.");
            }
            if (json != null) {
                out.print(Json.write(json));
            }
            out.flush();
            return checks.anyInvalid() ? ExitCodes.FINDINGS : ExitCodes.OK;
        }

        /**
         * One verdict as {"expression", "valid", "error", "line", "column"}; line is the file line for
         * --file. Lives in its own class, not on the command class, so picocli's reflection over the
         * command does not load Jackson when the output is text.
         */
        private static final class JsonVerdict {
            static void add(CheckPipeline.Verdict v, ArrayNode array) {
                CheckResult r = v.result();
                ObjectNode o = array.addObject();
                o.put("expression", r.expression());
                o.put("valid", r.valid());
                if (r.valid()) {
                    o.putNull("error");
                    o.putNull("line");
                    o.putNull("column");
                } else {
                    o.put("error", r.error());
                    o.put("line", v.source().line() > 0 ? v.source().line() : r.line());
                    o.put("column", r.column());
                }
            }
        }

        /** One verdict in text (print, not println: the writer auto-flushes on println). */
        private void text(CheckPipeline.Verdict v, PrintWriter out) {
            CheckResult r = v.result();
            String echoed = TerminalText.escape(
                    global.verbose() ? r.expression() : TerminalText.shorten(r.expression(), ECHO_LIMIT));
            if (r.valid()) {
                out.print("ok   ");
                out.print(echoed);
                out.print('\n');
                return;
            }
            StringBuilder sb = new StringBuilder(256);
            sb.append("bad  ").append(echoed).append('\n').append("     ");
            if (v.source().line() > 0) {
                sb.append(file.toString().equals("-") ? "standard input" : file)
                        .append(" line ")
                        .append(v.source().line())
                        .append(", column ")
                        .append(r.column());
            } else {
                sb.append("line ").append(r.line()).append(", column ").append(r.column());
            }
            sb.append(": ").append(TerminalText.escape(r.error())).append('\n');
            for (String l : TerminalText.escapeExcerpt(r.excerpt()).split("\n", -1)) {
                sb.append("     ").append(l).append('\n');
            }
            out.print(sb);
        }

        /** The bytes of FILE, or of standard input for "-". */
        private static byte[] read(Path file) {
            try {
                return file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw DashException.input(
                        file + " does not exist; give a file with one PromQL expression per line.", e);
            } catch (IOException e) {
                throw DashException.input(file + " cannot be read: " + e.getMessage() + ".", e);
            }
        }
    }
}
