package io.vertice.dash.promql;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Entry point of the PromQL capability: parse and type-check PromQL as Prometheus does, with Grafana
 * variables and macros understood. Every error is a {@link PromqlException} at a position of the
 * original text; parsing stops at the first error.
 */
public final class PromQL {
    private PromQL() {}

    /**
     * How deep the parser may recurse on the caller's thread: far below what any thread's default stack
     * holds, and deeper than anyone writes by hand. Deeper input is parsed again on {@link #DEEP_STACK}.
     */
    private static final int CALLER_DEPTH = 200;
    /**
     * Stack of the thread that parses deeper input. Prometheus accepts any nesting (Go stacks grow to 1 GB);
     * this holds more than 100,000 levels. Only reserved address space: pages are used as the parse goes.
     */
    private static final long DEEP_STACK = 1L << 30;

    /** An expression and the Grafana variables met while parsing it. */
    private record Parsed(Expr expr, List<VariableUse> variables) {}

    /** Parses and type-checks a plain PromQL expression. */
    public static Expr parse(String promql) {
        return parse(promql, false, Dialect.PROMQL).expr();
    }

    /** Parses an expression of the given dialect; PromQL is also type-checked (MetricsQL converts types freely). */
    public static Expr parse(String expr, Dialect dialect) {
        return parse(expr, false, dialect).expr();
    }

    /**
     * Parses then type-checks. Ordinary input parses on the caller's thread; input nested deeper than
     * {@link #CALLER_DEPTH} is parsed again on a thread of its own with a big stack, which keeps the
     * recursive-descent parser as readable as the grammar while accepting whatever Prometheus accepts.
     */
    private static Parsed parse(String text, boolean grafana, Dialect dialect) {
        try {
            return parseAndCheck(text, grafana, CALLER_DEPTH, dialect);
        } catch (Parser.TooDeep e) {
            return onDeepStack(() -> parseAndCheck(text, grafana, Integer.MAX_VALUE, dialect), text);
        }
    }

    private static Parsed parseAndCheck(String text, boolean grafana, int maxDepth, Dialect dialect) {
        Lexer lexer = new Lexer(text, grafana);
        Parser parser = new Parser(lexer, maxDepth, dialect);
        Expr expr = parser.parse();
        if (dialect == Dialect.PROMQL) {
            Checker.check(parser.nodesToCheck(), lexer);
        }
        return new Parsed(expr, lexer.variables());
    }

    private static Parsed onDeepStack(Supplier<Parsed> work, String text) {
        AtomicReference<Parsed> result = new AtomicReference<>();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread thread = new Thread(
                null,
                () -> {
                    try {
                        result.set(work.get());
                    } catch (RuntimeException e) {
                        failure.set(e);
                    } catch (StackOverflowError e) {
                        failure.set(PromqlException.at(text, 0, Errors.nestedTooDeeply()));
                    }
                },
                "promql-deep-parse",
                DEEP_STACK);
        thread.setDaemon(true);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing a deeply nested expression", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }

    /**
     * Parses a Grafana query: variables and macros ({@code $__rate_interval}, {@code ${var:regex}},
     * {@code [[var]]} ...) stand for values of the type their position needs (a duration in a range or
     * offset; a label name; a metric name spelled as written, e.g. {@code $metric} or {@code foo_${env}},
     * which becomes a number where a scalar is required; macros such as {@code $__range_s} are numbers);
     * variables inside strings stay verbatim ({@code "$env"}). Positions in the result and in
     * errors point into {@code grafanaExpr}, and range selectors keep the range as written.
     */
    public static ParsedQuery parseGrafana(String grafanaExpr) {
        return parseGrafana(grafanaExpr, Dialect.PROMQL);
    }

    /** Parses a Grafana query as {@link #parseGrafana(String)}, in the given dialect. */
    public static ParsedQuery parseGrafana(String grafanaExpr, Dialect dialect) {
        Parsed parsed = parse(grafanaExpr, true, dialect);
        return new ParsedQuery(parsed.expr(), parsed.variables(), grafanaExpr);
    }

    /**
     * Decodes UTF-8 strictly (Prometheus rejects invalid UTF-8) and parses as {@link #parse(String)};
     * invalid bytes give an error at the character where they occur.
     */
    public static Expr parseUtf8(byte[] utf8) {
        return parse(decodeUtf8(utf8));
    }

    /** Strict UTF-8 decoding; throws a PromqlException positioned at the first invalid byte. */
    public static String decodeUtf8(byte[] utf8) {
        String fast = new String(utf8, StandardCharsets.UTF_8); // intrinsic fast path; malformed input becomes U+FFFD
        if (fast.indexOf('\uFFFD') < 0) {
            return fast;
        }
        CharsetDecoder dec = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            String lenient = new String(utf8, StandardCharsets.UTF_8);
            throw PromqlException.at(
                    lenient, before.length(), Errors.invalidUtf8Byte(utf8[in.position()] & 0xFF, in.position()));
        }
        dec.flush(out);
        out.flip();
        return out.toString();
    }

    /** The 1-based line and column of a character offset (column counted in characters). */
    public static Position lineColumn(String original, int offset) {
        int line = 1;
        int lineStart = 0;
        int end = Math.min(offset, original.length());
        for (int i = 0; i < end; i++) {
            if (original.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(offset, line, offset - lineStart + 1);
    }
}
