package io.vertice.dash.promql;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the PromQL capability: parse and type-check PromQL as Prometheus does, with Grafana
 * variables and macros understood. Every error is a {@link PromqlException} at a position of the
 * original text; parsing stops at the first error.
 */
public final class PromQL {
    private PromQL() {
    }

    /** Parses and type-checks a plain PromQL expression. */
    public static Expr parse(String promql) {
        return new Parser(promql, false).parse();
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
        Parser parser = new Parser(grafanaExpr, true);
        Expr expr = parser.parse();
        return new ParsedQuery(expr, parser.variables(), grafanaExpr);
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
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length + 1);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            out.flip();
            String before = out.toString();
            String lenient = new String(utf8, StandardCharsets.UTF_8);
            throw PromqlException.at(lenient, before.length(),
                    String.format("invalid UTF-8 byte 0x%02X at byte offset %d", utf8[in.position()] & 0xFF, in.position()));
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
