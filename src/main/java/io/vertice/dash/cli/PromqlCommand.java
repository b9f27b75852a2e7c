package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.json.Json;
import io.vertice.dash.promql.CheckResult;
import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.PromqlException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** {@code dash promql check}: parse and type-check PromQL expressions, Grafana variables allowed. */
@Command(name = "promql",
        mixinStandardHelpOptions = true,
        description = "PromQL tools: parse and type-check expressions as Prometheus does.",
        subcommands = {PromqlCommand.Check.class},
        footer = {"", "Example:", "  dash promql check 'sum by (state) (rate(maximus_arousal_state_seconds_total[$__rate_interval]))'"})
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

    enum Format { text, json }

    @Command(name = "check",
            mixinStandardHelpOptions = true,
            description = {"Parse and type-check PromQL expressions (Grafana variables and macros such as "
                    + "$__rate_interval, $${var:regex} and [[var]] are allowed) and report each error with its "
                    + "line, column and a caret.",
                    "Exit 0 when all are valid, 1 when any is invalid, 2 when the file cannot be read."},
            footer = {"", "Examples:",
                    "  dash promql check 'rate(maximus_esgt_ignition_events_total[$__rate_interval])'",
                    "  dash promql check --file queries.txt --format json"})
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(arity = "0..*", paramLabel = "EXPR", description = "Expressions to check.")
        List<String> expressions = new ArrayList<>();

        @Option(names = "--file", paramLabel = "FILE",
                description = "Read expressions from FILE, one per line (blank lines are skipped).")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
                description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format;

        /** One expression with where it came from (file line, or 0 for a command-line argument). */
        private record Input(String expression, int fileLine, PromqlException decodeError) {
        }

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Report report = new Report(out);
            for (String e : expressions) {
                report.add(new Input(e, 0, null));
            }
            if (file != null) {
                readFile(file, report::add);
            }
            report.flush();
            if (report.count == 0) {
                throw DashException.input("no expressions to check: give them as arguments or with --file FILE.");
            }
            if (format == Format.json) {
                out.print(Json.write(report.json));
            }
            out.flush();
            return report.anyInvalid ? ExitCodes.FINDINGS : ExitCodes.OK;
        }

        /**
         * Checks expressions in chunks as they are read: a chunk is checked on both cores while the
         * previous chunk's verdicts print, so a big file never holds more than two chunks of expressions
         * and results in memory (text format).
         */
        private final class Report {
            private static final int CHUNK = 4096;
            private final PrintWriter out;
            private final List<Input> pending = new ArrayList<>(CHUNK);
            private final ArrayNode json = format == Format.json ? Json.array() : null;
            private int count;
            private boolean anyInvalid;
            /** The chunk being checked in the background, and its inputs. */
            private CompletableFuture<CheckResult[]> checking;
            private List<Input> checkingInputs;

            Report(PrintWriter out) {
                this.out = out;
            }

            void add(Input in) {
                pending.add(in);
                if (pending.size() == CHUNK) {
                    dispatch();
                }
            }

            /** Checks what is pending, printing the previous chunk's verdicts while this one is checked. */
            private void dispatch() {
                List<Input> batch = new ArrayList<>(pending);
                pending.clear();
                CompletableFuture<CheckResult[]> next = CompletableFuture.supplyAsync(() ->
                        batch.parallelStream().map(Check::check).toArray(CheckResult[]::new));
                printChecked();
                checking = next;
                checkingInputs = batch;
            }

            private void printChecked() {
                if (checking == null) {
                    return;
                }
                CheckResult[] results = checking.join();
                for (int i = 0; i < results.length; i++) {
                    anyInvalid |= !results[i].valid();
                    if (format == Format.json) {
                        json(results[i], checkingInputs.get(i), json);
                    } else {
                        text(results[i], checkingInputs.get(i), out);
                    }
                }
                count += results.length;
                checking = null;
            }

            void flush() {
                dispatch();
                printChecked();
            }

            /**
             * One verdict as {"expression", "valid", "error", "line", "column"}; line is the file line for
             * --file. Lives here, not on the command class, so picocli's reflection over the command does
             * not load Jackson when the output is text.
             */
            private static void json(CheckResult r, Input in, ArrayNode array) {
                ObjectNode o = array.addObject();
                o.put("expression", r.expression());
                o.put("valid", r.valid());
                if (r.valid()) {
                    o.putNull("error");
                    o.putNull("line");
                    o.putNull("column");
                } else {
                    o.put("error", r.error());
                    o.put("line", in.fileLine() > 0 ? in.fileLine() : r.line());
                    o.put("column", r.column());
                }
            }
        }

        private static CheckResult check(Input in) {
            return in.decodeError() != null ? CheckResult.invalid(in.expression(), in.decodeError())
                    : CheckResult.of(in.expression());
        }

        /** One verdict in text (print, not println: the writer auto-flushes on println). */
        private void text(CheckResult r, Input in, PrintWriter out) {
            if (r.valid()) {
                out.print("ok   ");
                out.print(r.expression());
                out.print('\n');
                return;
            }
            StringBuilder sb = new StringBuilder(256);
            sb.append("bad  ").append(r.expression()).append('\n').append("     ");
            if (in.fileLine() > 0) {
                sb.append(file).append(" line ").append(in.fileLine()).append(", column ").append(r.column());
            } else {
                sb.append("line ").append(r.line()).append(", column ").append(r.column());
            }
            sb.append(": ").append(r.error()).append('\n');
            for (String l : r.excerpt().split("\n", -1)) {
                sb.append("     ").append(l).append('\n');
            }
            out.print(sb);
        }

        /** Reads FILE: one expression per line; a line that is not valid UTF-8 is reported as invalid. */
        private static void readFile(Path file, Consumer<Input> inputs) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw DashException.input(file + " does not exist; give a file with one PromQL expression per line.", e);
            } catch (IOException e) {
                throw DashException.input(file + " cannot be read: " + e.getMessage() + ".", e);
            }
            String text = null;
            try {
                text = PromQL.decodeUtf8(bytes);
            } catch (PromqlException e) {
                // some line is not valid UTF-8: decode line by line below so only that line is reported
            }
            int start = 0;
            int lineNo = 0;
            int length = text != null ? text.length() : bytes.length;
            while (start < length) {
                int end = text != null ? text.indexOf('\n', start) : indexOf(bytes, (byte) '\n', start);
                if (end < 0) {
                    end = length;
                }
                lineNo++;
                int stop = end > start && (text != null ? text.charAt(end - 1) == '\r' : bytes[end - 1] == '\r')
                        ? end - 1 : end;
                if (text != null) {
                    if (!text.substring(start, stop).isBlank()) {
                        inputs.accept(new Input(text.substring(start, stop), lineNo, null));
                    }
                } else {
                    byte[] lineBytes = Arrays.copyOfRange(bytes, start, stop);
                    String lenient = new String(lineBytes, StandardCharsets.UTF_8);
                    if (!lenient.isBlank()) {
                        try {
                            inputs.accept(new Input(PromQL.decodeUtf8(lineBytes), lineNo, null));
                        } catch (PromqlException e) {
                            inputs.accept(new Input(lenient, lineNo, e));
                        }
                    }
                }
                start = end + 1;
            }
        }

        private static int indexOf(byte[] b, byte value, int from) {
            for (int i = from; i < b.length; i++) {
                if (b[i] == value) {
                    return i;
                }
            }
            return -1;
        }
    }
}
