package io.vertice.dash.promql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Consumer;

/**
 * Checks many expressions (a file of thousands) as {@code dash promql check} does: in chunks as they
 * arrive, each chunk on all cores while the previous chunk's verdicts are handed on, in input order. At
 * most two chunks of expressions and verdicts are in memory however long the input. Close it to check
 * what is pending.
 *
 * <pre>{@code
 * try (CheckPipeline checks = new CheckPipeline(v -> print(v))) {
 *     CheckPipeline.lines(utf8Bytes, checks);
 * }
 * }</pre>
 */
public final class CheckPipeline implements Consumer<CheckPipeline.Source>, AutoCloseable {
    private static final int CHUNK = 4096;

    /**
     * One expression to check and where it came from: its line in a file, or 0 (an argument).
     * {@code decodeError} is set when the line was not valid UTF-8 (then it is invalid as it stands).
     */
    public record Source(String expression, int line, PromqlException decodeError) {
        public static Source argument(String expression) {
            return new Source(expression, 0, null);
        }
    }

    /** The verdict on one source. */
    public record Verdict(Source source, CheckResult result) {}

    private final Consumer<Verdict> sink;
    /**
     * Checks chunks on every core. Not the common pool: it has one worker fewer than there are cores (one
     * on a two-core machine), and a parallel stream started inside one of its tasks stays on its workers,
     * so a chunk was checked on one core while the calling thread only waited.
     */
    private final ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());

    private final List<Source> pending = new ArrayList<>(CHUNK);
    /** The chunk being checked in the background, and its sources. */
    private ForkJoinTask<CheckResult[]> checking;

    private List<Source> checkingSources;
    private int count;
    private boolean anyInvalid;

    /** Verdicts go to {@code sink}, on the thread that calls {@link #accept} and {@link #close}. */
    public CheckPipeline(Consumer<Verdict> sink) {
        this.sink = sink;
    }

    @Override
    public void accept(Source source) {
        pending.add(source);
        if (pending.size() == CHUNK) {
            dispatch();
        }
    }

    /** Checks and hands on whatever is pending. */
    @Override
    public void close() {
        try {
            dispatch();
            handOn();
        } finally {
            workers.shutdown();
        }
    }

    /** Expressions checked so far. */
    public int count() {
        return count;
    }

    /** Whether any expression checked so far is invalid. */
    public boolean anyInvalid() {
        return anyInvalid;
    }

    private void dispatch() {
        List<Source> batch = new ArrayList<>(pending);
        pending.clear();
        // a parallel stream started by a task of `workers` runs on `workers`
        ForkJoinTask<CheckResult[]> next = workers.submit(
                () -> batch.parallelStream().map(CheckPipeline::check).toArray(CheckResult[]::new));
        handOn();
        checking = next;
        checkingSources = batch;
    }

    private void handOn() {
        if (checking == null) {
            return;
        }
        CheckResult[] results = checking.join();
        for (int i = 0; i < results.length; i++) {
            anyInvalid |= !results[i].valid();
            sink.accept(new Verdict(checkingSources.get(i), results[i]));
        }
        count += results.length;
        checking = null;
    }

    private static CheckResult check(Source s) {
        return s.decodeError() != null
                ? CheckResult.invalid(s.expression(), s.decodeError())
                : CheckResult.of(s.expression());
    }

    /**
     * Splits a file of expressions into sources: one expression per line ({@code \n} or {@code \r\n}),
     * blank lines and comment lines (first non-blank character {@code #}) skipped. Valid UTF-8 is
     * decoded at once; otherwise line by line, and a line that is not valid UTF-8 becomes a source with
     * its decoding error, so only that line is reported.
     */
    public static void lines(byte[] utf8, Consumer<Source> sources) {
        String text = null;
        try {
            text = PromQL.decodeUtf8(utf8);
        } catch (PromqlException e) {
            // some line is not valid UTF-8: decode line by line below
        }
        int start = 0;
        int lineNo = 0;
        int length = text != null ? text.length() : utf8.length;
        while (start < length) {
            int end = text != null ? text.indexOf('\n', start) : indexOf(utf8, (byte) '\n', start);
            if (end < 0) {
                end = length;
            }
            lineNo++;
            int stop = end > start && (text != null ? text.charAt(end - 1) == '\r' : utf8[end - 1] == '\r')
                    ? end - 1
                    : end;
            if (text != null) {
                String line = text.substring(start, stop);
                if (isExpression(line)) {
                    sources.accept(new Source(line, lineNo, null));
                }
            } else {
                byte[] lineBytes = Arrays.copyOfRange(utf8, start, stop);
                String lenient = new String(lineBytes, StandardCharsets.UTF_8);
                if (isExpression(lenient)) {
                    try {
                        sources.accept(new Source(PromQL.decodeUtf8(lineBytes), lineNo, null));
                    } catch (PromqlException e) {
                        sources.accept(new Source(lenient, lineNo, e));
                    }
                }
            }
            start = end + 1;
        }
    }

    /** Not blank and not a comment line. */
    private static boolean isExpression(String line) {
        String t = line.strip();
        return !t.isEmpty() && t.charAt(0) != '#';
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
