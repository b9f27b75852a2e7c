package io.vertice.dash.promql;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hand-written lexer and precedence-climbing parser for PromQL. Scans characters on demand (no regex),
 * type-checks every node as it is built, and stops at the first error.
 *
 * <p>In Grafana mode the lexer also understands variables and macros ({@code $var}, {@code ${var:fmt}},
 * {@code [[var]]}, {@code $__rate_interval} ...) and gives each the type its position needs, as if a
 * placeholder had been substituted: a duration inside range brackets and after {@code offset}; a name
 * where a label name stands and glued into names; Grafana's macros are numbers elsewhere; a lone user
 * variable is a metric name, or a number where a scalar is required. Names keep their original spelling
 * (e.g. {@code $metric}, {@code foo_${env}}), and since nothing is rewritten every position is a
 * position of the original text. Inside strings, variables stay verbatim and are recorded.
 */
final class Parser {
    /** Nesting deeper than this is an error, never a StackOverflowError. */
    static final int MAX_DEPTH = 200;
    /** Operators chained at one level (a + b + c ...) beyond this are an error. */
    static final int MAX_CHAIN = 2000;

    private static final int EOF = 0;
    private static final int NUMBER = 1;
    private static final int DURATION = 2;
    private static final int STRING = 3;
    private static final int IDENT = 4;
    private static final int LPAREN = 5;
    private static final int RPAREN = 6;
    private static final int LBRACE = 7;
    private static final int LBRACKET = 8;
    private static final int COMMA = 9;
    private static final int AT = 10;
    private static final int ADD = 11;
    private static final int SUB = 12;
    private static final int MUL = 13;
    private static final int DIV = 14;
    private static final int MOD = 15;
    private static final int POW = 16;
    private static final int EQLC = 17;
    private static final int NEQ = 18;
    private static final int LSS = 19;
    private static final int GTR = 20;
    private static final int LTE = 21;
    private static final int GTE = 22;
    private static final int EQL = 23;
    /** A standalone Grafana variable reference, e.g. {@code $threshold}. */
    private static final int VAR = 24;

    private static final long MAX_NANOS = Long.MAX_VALUE;

    private final String s;
    /** The text as an array: indexing it is much cheaper than charAt() before the JIT has warmed up. */
    private final char[] buf;
    private final int n;
    private final boolean grafana;
    private final List<VariableUse> variables = new ArrayList<>(4);
    private final int[] lineStarts;

    // current token
    private int tok;
    private int tokStart;
    private int tokEnd;
    private boolean tokHasVar;
    private int tokVarIndex;
    private double tokNumber;
    private long tokNanos;
    private String tokString;

    // result of scanNumeric
    private int numEnd;
    private boolean numIsDuration;
    private double numValue;
    private long numNanos;

    private int depth;

    Parser(String text, boolean grafana) {
        this.s = text;
        this.n = text.length();
        this.buf = charBuffer(n);
        text.getChars(0, n, buf, 0);
        this.grafana = grafana;
        this.lineStarts = lineStarts(text);
    }

    /** Per-thread reusable character buffer: parsing many expressions allocates no copy of each text. */
    private static final ThreadLocal<char[]> BUFFERS = ThreadLocal.withInitial(() -> new char[256]);

    private static char[] charBuffer(int length) {
        char[] b = BUFFERS.get();
        if (b.length < length) {
            b = new char[Math.max(length, b.length * 2)];
            if (length <= 1 << 16) {
                BUFFERS.set(b); // keep buffers for ordinary expressions; huge inputs get a one-off array
            }
        }
        return b;
    }

    /**
     * Per-thread cache of short strings cut from the input (metric and label names, label values,
     * variable names): dashboards repeat the same few names, so most lookups allocate nothing.
     */
    private static final ThreadLocal<String[]> NAMES = ThreadLocal.withInitial(() -> new String[1024]);
    private final String[] names = NAMES.get();

    /** {@code s.substring(from, to)}, shared with earlier equal strings when short. */
    private String text(int from, int to) {
        int len = to - from;
        if (len > 64) {
            return s.substring(from, to);
        }
        int h = len;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 16)) & (names.length - 1);
        String cached = names[slot];
        if (cached != null && cached.length() == len) {
            boolean same = true;
            for (int i = 0; i < len; i++) {
                if (cached.charAt(i) != buf[from + i]) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return cached;
            }
        }
        String fresh = s.substring(from, to);
        names[slot] = fresh;
        return fresh;
    }

    /** Variables and macros met while parsing, in order of appearance (Grafana mode). */
    List<VariableUse> variables() {
        return variables;
    }

    private static int[] lineStarts(String text) {
        if (text.indexOf('\n') < 0) {
            return null;
        }
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int k = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[k++] = i + 1;
            }
        }
        return starts;
    }

    // ------------------------------------------------------------------ entry

    Expr parse() {
        next();
        if (tok == EOF) {
            throw fail(0, "no expression found in input");
        }
        Expr e = parseExpr(0);
        if (tok != EOF) {
            if (tok == RPAREN) {
                throw fail(tokStart, "unexpected right parenthesis ')'");
            }
            throw fail(tokStart, "unexpected " + describe() + " after a complete expression");
        }
        return e;
    }

    // ------------------------------------------------------------------ positions and errors

    private PromqlException fail(int substOffset, String message) {
        return PromqlException.at(s, substOffset, message);
    }

    private Span span(int start, int end) {
        int os = start;
        int oe = Math.max(start, end);
        if (lineStarts == null) {
            return new Span(os, oe, 1, os + 1);
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= os) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Span(os, oe, lo + 1, os - lineStarts[lo] + 1);
    }

    private String originalText(int start, int end) {
        return s.substring(start, Math.max(start, end));
    }

    /** Whether a Grafana variable lies inside the substituted range (strings keep variables verbatim). */
    private boolean hasVariable(int start, int end) {
        for (int i = variables.size() - 1; i >= 0; i--) {
            VariableUse v = variables.get(i);
            if (v.start() < end && v.end() > start) {
                return true;
            }
            if (v.end() <= start) {
                return false; // recorded in source order
            }
        }
        return false;
    }

    private String describe() {
        return switch (tok) {
            case EOF -> "end of input";
            case NUMBER -> "number \"" + s.substring(tokStart, tokEnd) + "\"";
            case DURATION -> "duration \"" + s.substring(tokStart, tokEnd) + "\"";
            case STRING -> "string " + s.substring(tokStart, Math.min(tokEnd, tokStart + 40));
            case VAR -> "Grafana variable \"" + s.substring(tokStart, tokEnd) + "\"";
            case IDENT -> {
                String w = s.substring(tokStart, tokEnd);
                yield isKeyword(w) ? "keyword \"" + w + "\"" : "identifier \"" + w + "\"";
            }
            default -> "\"" + s.substring(tokStart, tokEnd) + "\"";
        };
    }

    private static boolean isKeyword(String w) {
        return switch (w.toLowerCase(Locale.ROOT)) {
            case "and", "or", "unless", "atan2", "by", "without", "on", "ignoring", "group_left", "group_right",
                 "bool", "offset" -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ lexer

    private static boolean isAlpha(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private int skipSpaceAndComments(int p) {
        while (p < n) {
            char c = buf[p];
            if (isSpace(c)) {
                p++;
            } else if (c == '#') {
                while (p < n && buf[p] != '\n' && buf[p] != '\r') {
                    p++;
                }
            } else {
                break;
            }
        }
        return p;
    }

    private int skipSpaces(int p) {
        while (p < n && isSpace(buf[p])) {
            p++;
        }
        return p;
    }

    /** Scans the next token starting at the end of the current one. */
    private void next() {
        int p = skipSpaceAndComments(tokEnd);
        tokStart = p;
        tokHasVar = false;
        if (p >= n) {
            tok = EOF;
            tokEnd = p;
            return;
        }
        char c = buf[p];
        char d = p + 1 < n ? buf[p + 1] : 0;
        switch (c) {
            case '(' -> single(LPAREN, p);
            case ')' -> single(RPAREN, p);
            case '{' -> single(LBRACE, p);
            case '}' -> throw fail(p, "unexpected character: '}'");
            case '[' -> {
                if (d == '[' && startsVariable(p)) {
                    lexVariable(p);
                } else {
                    single(LBRACKET, p);
                }
            }
            case '$' -> {
                if (!startsVariable(p)) {
                    throw fail(p, "unexpected character: '$'" + (grafana ? " (not a Grafana variable reference)" : ""));
                }
                lexVariable(p);
            }
            case ']' -> throw fail(p, "unexpected right bracket ']'");
            case ',' -> single(COMMA, p);
            case '@' -> single(AT, p);
            case '+' -> single(ADD, p);
            case '-' -> single(SUB, p);
            case '*' -> single(MUL, p);
            case '/' -> single(DIV, p);
            case '%' -> single(MOD, p);
            case '^' -> single(POW, p);
            case '=' -> {
                if (d == '=') {
                    tok = EQLC;
                    tokEnd = p + 2;
                } else if (d == '~') {
                    throw fail(p, "unexpected character after '=': '~' (regex matchers only go inside braces)");
                } else {
                    single(EQL, p);
                }
            }
            case '!' -> {
                if (d != '=') {
                    throw fail(p, "unexpected character after '!': " + quoteChar(p + 1));
                }
                tok = NEQ;
                tokEnd = p + 2;
            }
            case '<' -> {
                tok = d == '=' ? LTE : LSS;
                tokEnd = p + (d == '=' ? 2 : 1);
            }
            case '>' -> {
                tok = d == '=' ? GTE : GTR;
                tokEnd = p + (d == '=' ? 2 : 1);
            }
            case '"', '\'', '`' -> {
                tokEnd = scanString(p);
                tok = STRING;
            }
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(d))) {
                    scanNumeric(p);
                    tokEnd = numEnd;
                    tok = numIsDuration ? DURATION : NUMBER;
                    tokNumber = numValue;
                    tokNanos = numNanos;
                } else if (isAlpha(c) || c == ':') {
                    tok = IDENT;
                    tokEnd = scanName(p, true);
                } else {
                    throw fail(p, "unexpected character: " + quoteChar(p));
                }
            }
        }
    }

    // ------------------------------------------------------------------ Grafana variables

    // the last reference matched, so checking and recording a reference matches it once
    private int matchedAt = -1;
    private int[] matched;

    private int[] variableAt(int p) {
        if (p != matchedAt) {
            matched = GrafanaVariables.match(s, p);
            matchedAt = p;
        }
        return matched;
    }

    /** Whether a Grafana variable reference starts at p (Grafana mode only). */
    private boolean startsVariable(int p) {
        if (!grafana || p >= n) {
            return false;
        }
        char c = buf[p];
        return (c == '$' || (c == '[' && p + 1 < n && buf[p + 1] == '[')) && variableAt(p) != null;
    }

    /** Records the variable reference at p and returns where it ends. */
    private int recordVariable(int p) {
        int[] m = variableAt(p);
        Span at = span(p, p);
        variables.add(new VariableUse(text(m[0], m[1]), m[2] < 0 ? null : text(m[2], m[3]), p, m[4],
                at.line(), at.column()));
        return m[4];
    }

    /** A variable reference in expression position: standalone (VAR) or glued into a name (IDENT). */
    private void lexVariable(int p) {
        int end = recordVariable(p);
        tokVarIndex = variables.size() - 1;
        tokHasVar = true;
        if (end < n && (isAlnum(buf[end]) || buf[end] == ':' || startsVariable(end))) {
            tok = IDENT;
            tokEnd = scanName(end, true);
        } else {
            tok = VAR;
            tokEnd = end;
        }
    }

    /**
     * Scans a name from p: letters, digits, underscores (and colons for metric names) and, in Grafana
     * mode, variable references glued in ({@code foo_${env}_total}).
     */
    private int scanName(int p, boolean colons) {
        int q = p;
        while (q < n) {
            char c = buf[q];
            if (isAlnum(c) || (colons && c == ':')) {
                q++;
            } else if ((c == '$' || c == '[') && startsVariable(q)) {
                q = recordVariable(q);
                tokHasVar = true;
            } else {
                break;
            }
        }
        return q;
    }

    /** Records a variable inside a string literal ({@code "$env"}); {@code $1} regex groups are not variables. */
    private void noteStringVariable(int q) {
        if (startsVariable(q)) {
            int[] m = variableAt(q);
            for (int i = m[0]; i < m[1]; i++) {
                if (!isDigit(buf[i])) {
                    recordVariable(q);
                    return;
                }
            }
        }
    }

    /** The number a variable stands for where a scalar is expected (only its type matters). */
    private static double placeholderNumber(String name) {
        if (name.endsWith("_ms")) {
            return 60_000;
        }
        if (name.equals("__from") || name.equals("__to")) {
            return 1.7e12;
        }
        return name.equals("__range") || name.equals("__range_s") ? 3600 : 60;
    }

    /** The duration a variable stands for inside range brackets or after offset. */
    private static long placeholderNanos(String name) {
        return (name.startsWith("__range") ? 3600L : 60L) * 1_000_000_000L;
    }

    private void single(int kind, int p) {
        tok = kind;
        tokEnd = p + 1;
    }

    private String quoteChar(int p) {
        if (p >= n) {
            return "end of input";
        }
        int cp = s.codePointAt(p);
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private String word() {
        return text(tokStart, tokEnd);
    }

    private boolean isWord(String lower) {
        return tok == IDENT && tokEnd - tokStart == lower.length() && wordAt(tokStart, lower);
    }

    /** Case-insensitive match of a lowercase keyword at p (no Locale machinery: keywords are ASCII). */
    private boolean wordAt(int p, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char k = lower.charAt(i);
            char c = buf[p + i];
            if (c != k && !(k >= 'a' && k <= 'z' && (c | 0x20) == k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Scans a number or duration at p into the num* fields. Decimal, hex ({@code 0x}), octal-looking
     * ({@code 0755}), fraction, exponent; a decimal integer followed by units is a duration ({@code 1h30m}).
     */
    private void scanNumeric(int p) {
        int start = p;
        boolean hex = false;
        boolean plainInteger = true;
        if (buf[p] == '0' && p + 1 < n && (buf[p + 1] == 'x' || buf[p + 1] == 'X')) {
            hex = true;
            plainInteger = false;
            p += 2;
            int digits = p;
            while (p < n && Character.digit(buf[p], 16) >= 0) {
                p++;
            }
            if (p == digits) {
                throw fail(start, "bad number or duration syntax: \"" + s.substring(start, Math.min(n, p + 1)) + "\"");
            }
        } else {
            while (p < n && isDigit(buf[p])) {
                p++;
            }
            if (p < n && buf[p] == '.') {
                plainInteger = false;
                p++;
                while (p < n && isDigit(buf[p])) {
                    p++;
                }
            }
            if (p < n && (buf[p] == 'e' || buf[p] == 'E')) {
                int q = p + 1;
                if (q < n && (buf[q] == '+' || buf[q] == '-')) {
                    q++;
                }
                if (q < n && isDigit(buf[q])) {
                    while (q < n && isDigit(buf[q])) {
                        q++;
                    }
                    p = q;
                    plainInteger = false;
                }
            }
        }
        char c = p < n ? buf[p] : 0;
        if (c == '.' || (isAlnum(c) && !(plainInteger && isUnitStart(c)))) {
            int bad = p + 1;
            throw fail(start, "bad number or duration syntax: \"" + s.substring(start, Math.min(n, bad)) + "\"");
        }
        if (isAlnum(c)) {
            scanDuration(start, p);
            return;
        }
        numEnd = p;
        numIsDuration = false;
        if (plainInteger && p - start <= 15 && (buf[start] != '0' || p - start == 1)) {
            long v = 0;
            for (int i = start; i < p; i++) {
                v = v * 10 + (buf[i] - '0');
            }
            numValue = v; // the common case, without a substring and Double.parseDouble
        } else {
            numValue = numberValue(s.substring(start, p), hex, start);
        }
        numNanos = 0;
    }

    private static boolean isUnitStart(char c) {
        return c == 's' || c == 'm' || c == 'h' || c == 'd' || c == 'w' || c == 'y';
    }

    private double numberValue(String text, boolean hex, int start) {
        if (hex) {
            return new java.math.BigInteger(text.substring(2), 16).doubleValue();
        }
        if (text.length() > 1 && text.charAt(0) == '0' && isOctal(text)) {
            return Long.parseLong(text, 8); // Prometheus reads 0755 as octal, as Go's ParseInt with base 0 does
        }
        double v = Double.parseDouble(text);
        if (Double.isInfinite(v)) {
            throw fail(start, "number out of range: \"" + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "\"");
        }
        return v;
    }

    private static boolean isOctal(String text) {
        if (text.length() > 22) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MS = {365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L};

    /** Index into UNITS of the unit spelled in buf[from, to), or -1. */
    private int unitIndex(int from, int to) {
        char c = buf[from];
        if (to - from == 1) {
            return switch (c) {
                case 'y' -> 0;
                case 'w' -> 1;
                case 'd' -> 2;
                case 'h' -> 3;
                case 'm' -> 4;
                case 's' -> 5;
                default -> -1;
            };
        }
        return to - from == 2 && c == 'm' && buf[from + 1] == 's' ? 6 : -1;
    }

    /** Scans {@code 1h30m}-style durations: integer + unit groups, units in decreasing order, each once. */
    private void scanDuration(int start, int p) {
        int q = start;
        long totalMs = 0;
        int lastUnit = -1;
        boolean overflow = false;
        while (true) {
            int digits = q;
            while (q < n && isDigit(buf[q])) {
                q++;
            }
            if (q == digits) {
                break;
            }
            int unitStart = q;
            while (q < n && isAlpha(buf[q])) {
                q++;
            }
            if (unitStart == q) {
                throw fail(start, "bad number or duration syntax: \"" + s.substring(start, Math.min(n, q + 1)) + "\"");
            }
            int u = unitIndex(unitStart, q);
            if (u < 0) {
                String unit = s.substring(unitStart, q);
                int end = q;
                while (end < n && isAlnum(buf[end])) {
                    end++;
                }
                if (!isUnitStart(unit.charAt(0)) || unit.length() > 2 || (unit.length() == 2 && unit.charAt(1) != 's')) {
                    throw fail(start, "bad number or duration syntax: \"" + s.substring(start, end) + "\"");
                }
                throw fail(start, "unknown unit \"" + unit + "\" in duration \"" + s.substring(start, end) + "\"");
            }
            if (u <= lastUnit) {
                int end = q;
                while (end < n && isAlnum(buf[end])) {
                    end++;
                }
                throw fail(start, "not a valid duration string: \"" + s.substring(start, end)
                        + "\" (units must go from largest to smallest, each at most once)");
            }
            lastUnit = u;
            if (unitStart - digits > 18) {
                overflow = true;
            } else {
                long value = 0;
                for (int i = digits; i < unitStart; i++) {
                    value = value * 10 + (buf[i] - '0');
                }
                try {
                    totalMs = Math.addExact(totalMs, Math.multiplyExact(value, UNIT_MS[u]));
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
            if (q < n && isDigit(buf[q])) {
                continue;
            }
            break;
        }
        if (q < n && (isAlnum(buf[q]) || buf[q] == '.')) {
            throw fail(start, "bad number or duration syntax: \"" + s.substring(start, q + 1) + "\"");
        }
        if (overflow || totalMs > MAX_NANOS / 1_000_000) {
            throw fail(start, "duration out of range: \"" + s.substring(start, q) + "\"");
        }
        numEnd = q;
        numIsDuration = true;
        numNanos = totalMs * 1_000_000;
        numValue = totalMs / 1000.0;
    }

    /** Scans a quoted string at p (the quote), decodes it into tokString and returns the end offset. */
    private int scanString(int p) {
        char quote = buf[p];
        int q = p + 1;
        if (quote == '`') {
            while (true) {
                if (q >= n) {
                    throw fail(p, "unterminated raw string");
                }
                char c = buf[q];
                if (c == '`') {
                    break;
                }
                if (c >= '\uD800') {
                    checkSurrogate(q);
                } else if (grafana && (c == '$' || c == '[')) {
                    noteStringVariable(q);
                }
                q++;
            }
            tokString = text(p + 1, q);
            return q + 1;
        }
        StringBuilder sb = null;
        int plainFrom = p + 1;
        while (true) {
            if (q >= n) {
                throw fail(p, "unterminated quoted string");
            }
            char c = buf[q];
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                throw fail(p, "unterminated quoted string (a newline cannot appear inside quotes)");
            }
            if (c != '\\') {
                if (c >= '\uD800') {
                    checkSurrogate(q);
                } else if (grafana && (c == '$' || c == '[')) {
                    noteStringVariable(q);
                }
                q++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(q - p + 16);
            }
            sb.append(s, plainFrom, q);
            q = escape(q, quote, sb);
            plainFrom = q;
        }
        if (sb == null) {
            tokString = text(p + 1, q);
        } else {
            sb.append(s, plainFrom, q);
            tokString = sb.toString();
        }
        return q + 1;
    }

    private void checkSurrogate(int q) {
        char c = buf[q];
        if (Character.isHighSurrogate(c)) {
            if (q + 1 >= n || !Character.isLowSurrogate(buf[q + 1])) {
                throw fail(q, "invalid UTF-8 rune");
            }
        } else if (Character.isLowSurrogate(c) && (q == 0 || !Character.isHighSurrogate(buf[q - 1]))) {
            throw fail(q, "invalid UTF-8 rune");
        }
    }

    /** Decodes the escape at q (the backslash) into sb; consecutive byte escapes are decoded as UTF-8 together. */
    private int escape(int q, char quote, StringBuilder sb) {
        byte[] bytes = null;
        int nbytes = 0;
        while (true) {
            if (q + 1 >= n) {
                throw fail(q, "escape sequence not terminated");
            }
            char e = buf[q + 1];
            int digits;
            int base;
            int from;
            switch (e) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                    flushBytes(sb, bytes, nbytes);
                    sb.append(switch (e) {
                        case 'a' -> '\u0007';
                        case 'b' -> '\b';
                        case 'f' -> '\f';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case 't' -> '\t';
                        case 'v' -> '\u000b';
                        default -> '\\';
                    });
                    return q + 2;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    digits = 3;
                    base = 8;
                    from = q + 1;
                }
                case 'x' -> {
                    digits = 2;
                    base = 16;
                    from = q + 2;
                }
                case 'u' -> {
                    digits = 4;
                    base = 16;
                    from = q + 2;
                }
                case 'U' -> {
                    digits = 8;
                    base = 16;
                    from = q + 2;
                }
                default -> {
                    if (e == quote) {
                        flushBytes(sb, bytes, nbytes);
                        sb.append(e);
                        return q + 2;
                    }
                    throw fail(q, String.format("unknown escape sequence U+%04X %s", s.codePointAt(q + 1), quoteChar(q + 1)));
                }
            }
            long x = 0;
            for (int i = 0; i < digits; i++) {
                int at = from + i;
                if (at >= n) {
                    throw fail(q, "escape sequence not terminated");
                }
                int d = Character.digit(buf[at], base);
                if (d < 0 || !(buf[at] < 128)) {
                    if (buf[at] == quote) {
                        throw fail(q, "escape sequence not terminated");
                    }
                    throw fail(q, String.format("illegal character U+%04X %s in escape sequence", s.codePointAt(at), quoteChar(at)));
                }
                x = x * base + d;
            }
            int end = from + digits;
            if (e == 'u' || e == 'U') {
                if (x > Character.MAX_CODE_POINT || (x >= 0xD800 && x < 0xE000)) {
                    throw fail(q, "escape sequence is an invalid Unicode code point");
                }
                flushBytes(sb, bytes, nbytes);
                sb.appendCodePoint((int) x);
                return end;
            }
            if (x > 255) {
                throw fail(q, "escape sequence is an invalid Unicode code point");
            }
            if (bytes == null) {
                bytes = new byte[8];
            } else if (nbytes == bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, nbytes * 2);
            }
            bytes[nbytes++] = (byte) x;
            // keep collecting consecutive byte escapes so multi-byte UTF-8 sequences decode as one character
            if (end + 1 < n && buf[end] == '\\') {
                char f = buf[end + 1];
                if (f == 'x' || (f >= '0' && f <= '7')) {
                    q = end;
                    continue;
                }
            }
            flushBytes(sb, bytes, nbytes);
            return end;
        }
    }

    private static void flushBytes(StringBuilder sb, byte[] bytes, int nbytes) {
        if (nbytes > 0) {
            sb.append(new String(bytes, 0, nbytes, StandardCharsets.UTF_8));
        }
    }

    // ------------------------------------------------------------------ expressions

    private void enter(int at) {
        if (++depth > MAX_DEPTH) {
            throw fail(at, "expression nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    private BinaryOp binaryOp() {
        return switch (tok) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case POW -> BinaryOp.POW;
            case EQLC -> BinaryOp.EQL;
            case NEQ -> BinaryOp.NEQ;
            case LSS -> BinaryOp.LSS;
            case GTR -> BinaryOp.GTR;
            case LTE -> BinaryOp.LTE;
            case GTE -> BinaryOp.GTE;
            case IDENT -> {
                int len = tokEnd - tokStart;
                if (len < 2 || len > 6) {
                    yield null;
                }
                if (isWord("and")) {
                    yield BinaryOp.AND;
                }
                if (isWord("or")) {
                    yield BinaryOp.OR;
                }
                if (isWord("unless")) {
                    yield BinaryOp.UNLESS;
                }
                if (isWord("atan2")) {
                    yield BinaryOp.ATAN2;
                }
                yield null;
            }
            default -> null;
        };
    }

    /** Precedence climbing: parses operators binding at least as tightly as minPrec. */
    private Expr parseExpr(int minPrec) {
        enter(tokStart);
        Expr lhs = parseUnary();
        int chain = 0;
        while (true) {
            BinaryOp op = binaryOp();
            if (op == null || op.precedence() < minPrec) {
                break;
            }
            if (++chain > MAX_CHAIN) {
                throw fail(tokStart, "expression too long (more than " + MAX_CHAIN + " chained operators)");
            }
            int opStart = tokStart;
            next();
            boolean returnBool = false;
            if (isWord("bool")) {
                returnBool = true;
                next();
            }
            boolean explicit = false;
            boolean on = false;
            List<String> labels = List.of();
            List<String> include = List.of();
            VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
            if (isWord("on") || isWord("ignoring")) {
                explicit = true;
                on = isWord("on");
                next();
                labels = parseLabelList("vector matching");
                if (isWord("group_left") || isWord("group_right")) {
                    card = isWord("group_left") ? VectorMatching.Cardinality.MANY_TO_ONE
                            : VectorMatching.Cardinality.ONE_TO_MANY;
                    next();
                    if (tok == LPAREN) {
                        include = parseLabelList("grouping");
                    }
                }
            }
            Expr rhs = parseExpr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = binary(op, opStart, lhs, rhs, returnBool, explicit, on, labels, include, card);
        }
        depth--;
        return lhs;
    }

    private Expr binary(BinaryOp op, int opStart, Expr lhs, Expr rhs, boolean returnBool, boolean explicit,
                        boolean on, List<String> labels, List<String> include, VectorMatching.Cardinality card) {
        ValueType lt = lhs.type();
        ValueType rt = rhs.type();
        String sym = op.symbol();
        if (returnBool && !op.isComparison()) {
            throw fail(opStart, "bool modifier can only be used on comparison operators, not on \"" + sym + "\"");
        }
        if (op.isComparison() && !returnBool && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw fail(opStart, "comparisons between scalars must use the bool modifier (\"" + sym + " bool\")");
        }
        if (on) {
            for (String l : include) {
                if (labels.contains(l)) {
                    throw fail(opStart, "label \"" + l + "\" must not occur in on() and " + groupWord(card) + "() at once");
                }
            }
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw failAtOrig(lhs.span(), "binary expression must contain only scalar and instant vector types, got "
                    + lt.description() + " on the left of \"" + sym + "\"");
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw failAtOrig(rhs.span(), "binary expression must contain only scalar and instant vector types, got "
                    + rt.description() + " on the right of \"" + sym + "\"");
        }
        VectorMatching matching = null;
        boolean bothVectors = lt == ValueType.VECTOR && rt == ValueType.VECTOR;
        if (!bothVectors) {
            if (!labels.isEmpty()) {
                throw fail(opStart, "vector matching (on/ignoring) only allowed between instant vectors");
            }
        } else {
            if (op.isSetOperator()) {
                if (card == VectorMatching.Cardinality.MANY_TO_ONE || card == VectorMatching.Cardinality.ONE_TO_MANY) {
                    throw fail(opStart, "no grouping (" + groupWord(card) + ") allowed for \"" + sym + "\" operation");
                }
                card = VectorMatching.Cardinality.MANY_TO_MANY;
            }
            matching = new VectorMatching(card, labels, on, include, explicit);
        }
        if (op.isSetOperator() && (lt == ValueType.SCALAR || rt == ValueType.SCALAR)) {
            throw fail(opStart, "set operator \"" + sym + "\" not allowed in binary scalar expression");
        }
        return new Binary(op, lhs, rhs, returnBool, matching, spanOrig(lhs.span().start(), rhs.span().end()));
    }

    private static String groupWord(VectorMatching.Cardinality card) {
        return card == VectorMatching.Cardinality.ONE_TO_MANY ? "group_right" : "group_left";
    }

    /** A span from original offsets (children already carry original positions). */
    private Span spanOrig(int os, int oe) {
        return span(os, oe);
    }

    private PromqlException failAtOrig(Span span, String message) {
        return PromqlException.at(s, span.start(), message);
    }

    private Expr parseUnary() {
        if (tok == ADD || tok == SUB) {
            boolean negative = tok == SUB;
            int start = tokStart;
            next();
            // unary binds like * : looser than ^, tighter than everything else
            Expr operand = parseExpr(BinaryOp.POW.precedence());
            if (operand instanceof NumberLiteral num) {
                Span sp = span(start, start + 1);
                return new NumberLiteral(negative ? -num.value() : num.value(),
                        new Span(sp.start(), num.span().end(), sp.line(), sp.column()));
            }
            ValueType t = operand.type();
            if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
                throw fail(start, "unary expression only allowed on expressions of type scalar or instant vector, got "
                        + t.description());
            }
            Span sp = span(start, start + 1);
            return new Unary(negative, operand, new Span(sp.start(), operand.span().end(), sp.line(), sp.column()));
        }
        return parsePostfix();
    }

    /** A primary expression followed by any range/subquery brackets, offset and @ modifiers. */
    private Expr parsePostfix() {
        int start = tokStart;
        Expr e = parsePrimary();
        while (true) {
            if (tok == LBRACKET) {
                e = parseRangeOrSubquery(e, start);
            } else if (tok == AT) {
                e = parseAt(e, start);
            } else if (isWord("offset")) {
                e = parseOffset(e, start);
            } else if (isWord("anchored") || isWord("smoothed")) {
                throw fail(tokStart, "the \"" + word().toLowerCase(Locale.ROOT)
                        + "\" modifier is experimental in Prometheus (behind a feature flag) and not supported");
            } else {
                return e;
            }
        }
    }

    private Expr parsePrimary() {
        int start = tokStart;
        switch (tok) {
            case NUMBER, DURATION -> {
                double v = tokNumber;
                int end = tokEnd;
                next();
                return new NumberLiteral(v, span(start, end));
            }
            case STRING -> {
                String v = tokString;
                char q = buf[start];
                int end = tokEnd;
                next();
                return new StringLiteral(v, q, span(start, end));
            }
            case LPAREN -> {
                next();
                if (tok == RPAREN) {
                    throw fail(tokStart, "unexpected right parenthesis ')': empty parentheses");
                }
                Expr inner = parseExpr(0);
                if (tok != RPAREN) {
                    if (tok == EOF) {
                        throw fail(start, "unclosed left parenthesis");
                    }
                    throw fail(tokStart, "unexpected " + describe() + ", expected \")\" or an operator");
                }
                int end = tokEnd;
                next();
                return new Paren(inner, span(start, end));
            }
            case LBRACE -> {
                return parseSelector(null, start, start);
            }
            case IDENT -> {
                return parseIdentifierExpr();
            }
            case VAR -> {
                return parseVariable();
            }
            case EOF -> throw fail(tokStart, "unexpected end of input");
            case RPAREN -> throw fail(tokStart, "unexpected right parenthesis ')'");
            case EQL -> throw fail(tokStart, "unexpected \"=\" (use == to compare)");
            default -> throw fail(tokStart, "unexpected " + describe());
        }
    }

    private int peekNonSpace(int from) {
        return skipSpaceAndComments(from);
    }

    private boolean followedBy(int from, char c) {
        int p = peekNonSpace(from);
        return p < n && buf[p] == c;
    }

    private boolean followedByWord(int from, String lower) {
        int p = peekNonSpace(from);
        int len = lower.length();
        return p + len <= n && wordAt(p, lower) && (p + len == n || !isAlnum(buf[p + len])
                && buf[p + len] != ':');
    }

    /**
     * A standalone variable where an expression starts. Grafana's macros ({@code $__range_s},
     * {@code $__interval_ms}, ...) are numbers. A user variable is a metric name ({@code sum($metric)},
     * {@code $metric{job="x"}}), and becomes a number where a scalar is required ({@code topk($n, ...)},
     * {@code histogram_quantile($q, ...)}); compared with a vector it works either way.
     */
    private Expr parseVariable() {
        int start = tokStart;
        int end = tokEnd;
        String name = variables.get(tokVarIndex).name();
        if (name.startsWith("__")) {
            next();
            return new NumberLiteral(placeholderNumber(name), span(start, end));
        }
        return metricSelector(text(start, end), start, end);
    }

    /** A lone user variable parsed as a metric name stands for a number where a scalar is required. */
    private Expr asScalarIfVariable(Expr e) {
        if (grafana && e instanceof VectorSelector v && v.name() != null && v.matchers().size() == 1
                && v.offset() == null && v.at() == null && v.span().length() == v.name().length()) {
            int[] m = GrafanaVariables.match(v.name(), 0);
            if (m != null && m[4] == v.name().length()) {
                return new NumberLiteral(placeholderNumber(v.name().substring(m[0], m[1])), v.span());
            }
        }
        return e;
    }

    private Expr metricSelector(String name, int start, int end) {
        next();
        if (tok == LBRACE) {
            return parseSelector(name, start, tokStart);
        }
        List<LabelMatcher> ms = List.of(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, name, span(start, end),
                span(start, end)));
        return new VectorSelector(name, ms, null, null, span(start, end));
    }

    private Expr parseIdentifierExpr() {
        int start = tokStart;
        String w = word();
        int end = tokEnd;
        if (tokHasVar) {
            if (followedBy(end, '(')) {
                throw fail(start, "a function name cannot contain a Grafana variable: \"" + w + "\"");
            }
            return metricSelector(w, start, end);
        }
        if (isWord("inf") || isWord("nan")) {
            boolean inf = isWord("inf");
            next();
            return new NumberLiteral(inf ? Double.POSITIVE_INFINITY : Double.NaN, span(start, end));
        }
        boolean paren = followedBy(end, '(');
        if (paren || followedByWord(end, "by") || followedByWord(end, "without")) {
            AggregationOp agg = AggregationOp.of(w);
            if (agg != null) {
                return parseAggregation(agg, start);
            }
            if (isWord("limitk") || isWord("limit_ratio")) {
                throw fail(start, "aggregation \"" + w.toLowerCase(Locale.ROOT)
                        + "\" is experimental in Prometheus (behind a feature flag) and not supported");
            }
        }
        if (paren) {
            return parseCall(w, start);
        }
        if (isWord("on") || isWord("ignoring") || isWord("group_left") || isWord("group_right") || isWord("bool")
                || isWord("atan2")) {
            throw fail(start, "unexpected keyword \"" + w + "\"");
        }
        return metricSelector(w, start, end);
    }

    private Expr parseCall(String name, int start) {
        Function f = Functions.get(name);
        if (f == null) {
            if (Functions.isUnsupported(name)) {
                String what = name.startsWith("fill") ? "the \"" + name + "()\" binary operator modifier"
                        : "function \"" + name + "\"";
                throw fail(start, what + " is experimental in Prometheus (behind a feature flag) and not supported");
            }
            throw fail(start, "unknown function with name \"" + name + "\"");
        }
        next(); // name
        int lparen = tokStart;
        List<Expr> args = parseArgs(lparen, "function call");
        int end = tokEnd;
        int closing = tokStart;
        next(); // ')'
        int count = args.size();
        if (count < f.minArgs() || count > f.maxArgs()) {
            String expected;
            if (f.minArgs() == f.maxArgs()) {
                expected = "expected " + f.minArgs() + " argument(s)";
            } else if (count < f.minArgs()) {
                expected = "expected at least " + f.minArgs() + " argument(s)";
            } else {
                expected = "expected at most " + f.maxArgs() + " argument(s)";
            }
            throw fail(count > f.maxArgs() ? closing : start, expected + " in call to \"" + name + "\", got " + count);
        }
        for (int i = 0; i < count; i++) {
            ValueType want = f.argType(i);
            if (want == ValueType.SCALAR) {
                args.set(i, asScalarIfVariable(args.get(i)));
            }
            Expr a = args.get(i);
            if (a.type() != want) {
                throw failAtOrig(a.span(), "expected type " + want.description() + " in call to function \"" + name
                        + "\", got " + a.type().description());
            }
        }
        return new Call(f, args, span(start, end));
    }

    /** Parses {@code ( expr, expr ... )} with the current token at '('; leaves the current token at ')'. */
    private List<Expr> parseArgs(int lparen, String what) {
        next(); // '('
        List<Expr> args = new ArrayList<>(4);
        if (tok == RPAREN) {
            return args;
        }
        enter(lparen);
        while (true) {
            if (tok == EOF) {
                throw fail(lparen, "unclosed left parenthesis");
            }
            args.add(parseExpr(0));
            if (tok == COMMA) {
                next();
                if (tok == RPAREN) {
                    throw fail(tokStart, "trailing commas not allowed in " + what + " args");
                }
                continue;
            }
            if (tok == RPAREN) {
                break;
            }
            if (tok == EOF) {
                throw fail(lparen, "unclosed left parenthesis");
            }
            throw fail(tokStart, "unexpected " + describe() + " in " + what + ", expected \",\" or \")\"");
        }
        depth--;
        return args;
    }

    private Expr parseAggregation(AggregationOp op, int start) {
        next(); // operator keyword
        List<String> grouping = List.of();
        boolean without = false;
        boolean hasGrouping = false;
        if (isWord("by") || isWord("without")) {
            without = isWord("without");
            hasGrouping = true;
            next();
            grouping = parseLabelList("grouping opts");
        }
        if (tok != LPAREN) {
            throw fail(tokStart, "unexpected " + describe() + " in aggregation, expected \"(\"");
        }
        int lparen = tokStart;
        List<Expr> args = parseArgs(lparen, "aggregation");
        int end = tokEnd;
        next(); // ')'
        if (isWord("by") || isWord("without")) {
            if (hasGrouping) {
                throw fail(tokStart, "unexpected " + describe() + ": the aggregation already has a "
                        + (without ? "without" : "by") + " clause");
            }
            without = isWord("without");
            hasGrouping = true;
            next();
            grouping = parseLabelList("grouping opts");
            end = lastCloseParen;
        }
        if (args.isEmpty()) {
            throw fail(lparen, "no arguments for aggregate expression provided");
        }
        int wanted = op.paramType() == null ? 1 : 2;
        if (args.size() != wanted) {
            throw fail(lparen, "wrong number of arguments for aggregate expression provided, expected " + wanted
                    + ", got " + args.size());
        }
        Expr param = wanted == 2 ? args.get(0) : null;
        if (param != null && op.paramType() == ValueType.SCALAR) {
            param = asScalarIfVariable(param);
        }
        Expr body = args.get(wanted - 1);
        if (body.type() != ValueType.VECTOR) {
            throw failAtOrig(body.span(), "expected type instant vector in aggregation expression, got "
                    + body.type().description());
        }
        if (param != null && param.type() != op.paramType()) {
            throw failAtOrig(param.span(), "expected type " + op.paramType().description()
                    + " in aggregation parameter, got " + param.type().description());
        }
        return new Aggregation(op, body, param, grouping, without, span(start, end));
    }

    /** End offset of the ')' closing the last label list parsed. */
    private int lastCloseParen;

    /** Parses {@code (label, label, ...)}; labels may be identifiers (keywords too) or quoted strings. */
    private List<String> parseLabelList(String context) {
        if (tok != LPAREN) {
            throw fail(tokStart, "unexpected " + describe() + " in " + context + ", expected \"(\"");
        }
        int lparen = tokStart;
        next();
        List<String> labels = new ArrayList<>(4);
        while (tok != RPAREN) {
            if (tok == VAR) {
                labels.add(word());
            } else if (tok == IDENT) {
                String w = word();
                if (w.indexOf(':') >= 0) {
                    throw fail(tokStart, "unexpected identifier \"" + w + "\" in " + context + ", expected label (label names cannot contain ':')");
                }
                labels.add(w);
            } else if (tok == STRING) {
                labels.add(tokString);
            } else if (tok == EOF) {
                throw fail(lparen, "unclosed left parenthesis");
            } else {
                throw fail(tokStart, "unexpected " + describe() + " in " + context + ", expected label");
            }
            next();
            if (tok == COMMA) {
                next();
            } else if (tok != RPAREN) {
                if (tok == EOF) {
                    throw fail(lparen, "unclosed left parenthesis");
                }
                throw fail(tokStart, "unexpected " + describe() + " in " + context + ", expected \",\" or \")\"");
            }
        }
        lastCloseParen = tokEnd;
        next();
        return labels;
    }

    // ------------------------------------------------------------------ selectors

    /** Parses the braces of a selector; the current token is '{' at {@code brace}. */
    private Expr parseSelector(String name, int start, int brace) {
        List<LabelMatcher> ms = new ArrayList<>(4);
        if (name != null) {
            ms.add(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, name, span(start, start + name.length()),
                    span(start, start + name.length())));
        }
        String quotedName = null;
        boolean nameMatcherSeen = false;
        int p = brace + 1;
        boolean anyNonEmpty = name != null;
        while (true) {
            p = skipSpaceAndComments(p);
            if (p >= n) {
                throw fail(p, "unexpected end of input inside braces");
            }
            char c = buf[p];
            if (c == '}') {
                p++;
                break;
            }
            int labelStart = p;
            String label;
            boolean quoted;
            if (isAlpha(c) || ((c == '$' || c == '[') && startsVariable(p))) {
                int q = scanName(p, false);
                label = text(p, q);
                p = q;
                quoted = false;
            } else if (c == '"' || c == '\'' || c == '`') {
                p = scanString(p);
                label = tokString;
                quoted = true;
            } else if (c == ',') {
                throw fail(p, "unexpected \",\" in label matching, expected identifier or \"}\"");
            } else {
                throw fail(p, "unexpected character inside braces: " + quoteChar(p));
            }
            p = skipSpaceAndComments(p);
            if (p >= n) {
                throw fail(p, "unexpected end of input inside braces");
            }
            c = buf[p];
            if (quoted && (c == ',' || c == '}')) {
                // {"my.metric"}: a lone quoted string is the metric name
                if (name != null || quotedName != null) {
                    throw fail(labelStart, "metric name must not be set twice: \"" + (name != null ? name : quotedName)
                            + "\" or \"" + label + "\"");
                }
                quotedName = label;
                ms.add(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, label, span(labelStart, p),
                        span(labelStart, p)));
                anyNonEmpty |= !label.isEmpty() || hasVariable(labelStart, p);
                if (c == ',') {
                    p++;
                }
                continue;
            }
            MatchOp op;

            if (c == '=') {
                if (p + 1 < n && buf[p + 1] == '~') {
                    op = MatchOp.REGEX;
                    p += 2;
                } else {
                    op = MatchOp.EQUAL;
                    p += 1;
                }
            } else if (c == '!') {
                char d = p + 1 < n ? buf[p + 1] : 0;
                if (d == '=') {
                    op = MatchOp.NOT_EQUAL;
                } else if (d == '~') {
                    op = MatchOp.NOT_REGEX;
                } else {
                    throw fail(p, "unexpected character after '!' inside braces: " + quoteChar(p + 1));
                }
                p += 2;
            } else if (c == '}' || c == ',') {
                throw fail(p, "unexpected \"" + c + "\" in label matching, expected label matching operator (=, !=, =~, !~)");
            } else if (isAlpha(c)) {
                throw fail(p, "unexpected identifier \"" + identAt(p) + "\" in label matching, expected label matching operator");
            } else {
                throw fail(p, "unexpected character inside braces: " + quoteChar(p));
            }
            p = skipSpaceAndComments(p);
            if (p >= n) {
                throw fail(p, "unexpected end of input inside braces");
            }
            c = buf[p];
            if (c != '"' && c != '\'' && c != '`') {
                if (startsVariable(p)) {
                    int[] m = variableAt(p);
                    throw fail(p, "unexpected Grafana variable \"" + s.substring(p, m[4])
                            + "\" in label matching, expected string (quote it: \"" + s.substring(p, m[4]) + "\")");
                }
                if (isAlpha(c)) {
                    throw fail(p, "unexpected identifier \"" + identAt(p) + "\" in label matching, expected string");
                }
                if (c == '}' || c == ',' || c == '=' || c == '!' || c == '~') {
                    throw fail(p, "unexpected \"" + c + "\" in label matching, expected string");
                }
                throw fail(p, "unexpected character inside braces: " + quoteChar(p));
            }
            int valueStart = p;
            p = scanString(p);
            String value = tokString;
            boolean templated = hasVariable(valueStart, p);
            if (op.isRegex() && !templated) {
                String problem = Regexes.problem(value);
                if (problem != null) {
                    throw fail(valueStart, "invalid regular expression " + s.substring(valueStart, p) + ": " + problem);
                }
            }
            LabelMatcher m = new LabelMatcher(label, op, value, span(labelStart, p), span(valueStart, p));
            if (label.equals(LabelMatcher.METRIC_NAME)) {
                nameMatcherSeen = true;
            }
            ms.add(m);
            if (!anyNonEmpty && (templated || !m.matchesEmpty())) {
                anyNonEmpty = true;
            }
            p = skipSpaceAndComments(p);
            if (p >= n) {
                throw fail(p, "unexpected end of input inside braces");
            }
            c = buf[p];
            if (c == ',') {
                p++;
            } else if (c != '}') {
                if (isAlpha(c)) {
                    throw fail(p, "unexpected identifier \"" + identAt(p) + "\" in label matching, expected \",\" or \"}\"");
                }
                throw fail(p, "unexpected character inside braces: " + quoteChar(p) + ", expected \",\" or \"}\"");
            }
        }
        if (name != null && nameMatcherSeen) {
            String other = null;
            for (LabelMatcher m : ms) {
                if (m.name().equals(LabelMatcher.METRIC_NAME) && m != ms.get(0)) {
                    other = m.value();
                    break;
                }
            }
            throw fail(start, "metric name must not be set twice: \"" + name + "\" or \"" + other + "\"");
        }
        if (!anyNonEmpty) {
            throw fail(start, "vector selector must contain at least one non-empty matcher");
        }
        tokEnd = p;
        next();
        return new VectorSelector(name != null ? name : quotedName, ms, null, null, span(start, p));
    }

    private String identAt(int p) {
        int q = p;
        while (q < n && isAlnum(buf[q])) {
            q++;
        }
        return s.substring(p, q);
    }

    /** Result of scanning a duration inside brackets or after offset: nanoseconds and its text range. */
    private record Dur(long nanos, int start, int end) {
    }

    /** Scans a number (seconds) or duration at p inside brackets. */
    private Dur scanBracketDuration(int p, String where) {
        if (p >= n) {
            throw fail(p, "unexpected end of input in duration expression");
        }
        char c = buf[p];
        if ((c == '$' || c == '[') && startsVariable(p)) {
            int[] m = variableAt(p);
            String name = text(m[0], m[1]);
            int q = recordVariable(p);
            while (q < n && isAlpha(buf[q])) {
                q++; // a unit after a numeric macro: [${__range_s}s]
            }
            return new Dur(placeholderNanos(name), p, q);
        }
        char d = p + 1 < n ? buf[p + 1] : 0;
        if (isDigit(c) || (c == '.' && isDigit(d))) {
            scanNumeric(p);
            return new Dur(numIsDuration ? numNanos : secondsToNanos(numValue, p), p, numEnd);
        }
        if (c == ']' || c == ':') {
            throw fail(p, "unexpected \"" + c + "\" in " + where + ", expected number or duration");
        }
        if (c == '(' || c == '-' || c == '+' || isAlpha(c)) {
            if (c == '-' && p + 1 < n && isDigit(d)) {
                scanNumeric(p + 1);
                int q = skipSpaces(numEnd);
                if (q < n && (buf[q] == ']' || buf[q] == ':')) {
                    throw fail(p, "duration must be greater than 0");
                }
            }
            if (isAlpha(c)) {
                String w = identAt(p);
                if (!(w.equals("step") || w.equals("range") || w.equals("min_of") || w.equals("max_of"))
                        || !followedBy(p + w.length(), '(')) {
                    throw fail(p, "unexpected character in duration expression: " + quoteChar(p));
                }
            }
            throw fail(p, "duration expressions (arithmetic, step(), range(), min_of(), max_of()) are experimental "
                    + "in Prometheus (behind a feature flag) and not supported");
        }
        throw fail(p, "unexpected character in duration expression: " + quoteChar(p));
    }

    private long secondsToNanos(double seconds, int at) {
        double nanos = seconds * 1e9;
        if (Double.isNaN(nanos) || Math.abs(nanos) >= 9.223372036854775807E18) {
            throw fail(at, "duration out of range");
        }
        return Math.round(nanos);
    }

    private Expr parseRangeOrSubquery(Expr target, int start) {
        int bracket = tokStart;
        int p = skipSpaces(bracket + 1);
        Dur range = scanBracketDuration(p, "subquery or range selector");
        p = skipSpaces(range.end());
        if (p >= n) {
            throw fail(p, "unexpected end of input in duration expression");
        }
        char c = buf[p];
        Dur step = null;
        boolean subquery = false;
        if (c == ':') {
            subquery = true;
            p = skipSpaces(p + 1);
            if (p < n && buf[p] != ']') {
                step = scanBracketDuration(p, "subquery step");
                p = skipSpaces(step.end());
            }
            if (p >= n) {
                throw fail(p, "unexpected end of input in duration expression");
            }
            c = buf[p];
        }
        if (c != ']') {
            if ("+-*/%^(".indexOf(c) >= 0) {
                throw fail(p, "duration expressions (arithmetic, step(), range(), min_of(), max_of()) are experimental "
                        + "in Prometheus (behind a feature flag) and not supported");
            }
            throw fail(p, "unexpected character: " + quoteChar(p) + ", expected " + (subquery ? "\"]\"" : "\":\" or \"]\""));
        }
        int end = p + 1;
        if (range.nanos() <= 0) {
            throw fail(range.start(), "duration must be greater than 0");
        }
        if (step != null && step.nanos() <= 0) {
            throw fail(step.start(), "duration must be greater than 0");
        }
        String rangeText = originalText(range.start(), range.end());
        Expr result;
        if (subquery) {
            if (target.type() != ValueType.VECTOR) {
                throw fail(bracket, "subquery is only allowed on instant vector, got " + target.type().description()
                        + " instead");
            }
            result = new Subquery(target, Duration.ofNanos(range.nanos()), rangeText,
                    step == null ? null : Duration.ofNanos(step.nanos()),
                    step == null ? null : originalText(step.start(), step.end()), null, null,
                    spanOrig(target.span().start(), end));
        } else {
            if (!(target instanceof VectorSelector vs)) {
                throw fail(bracket, "ranges only allowed for vector selectors, not for " + what(target));
            }
            if (vs.offset() != null) {
                throw fail(bracket, "no offset modifiers allowed before range");
            }
            if (vs.at() != null) {
                throw fail(bracket, "no @ modifiers allowed before range");
            }
            result = new MatrixSelector(vs, Duration.ofNanos(range.nanos()), rangeText,
                    spanOrig(vs.span().start(), end));
        }
        tokEnd = end;
        next();
        return result;
    }

    private static String what(Expr e) {
        if (e instanceof Paren) {
            return "a parenthesised expression";
        } else if (e instanceof Call) {
            return "a function call";
        } else if (e instanceof Aggregation) {
            return "an aggregation";
        } else if (e instanceof MatrixSelector) {
            return "a range selector";
        } else if (e instanceof Subquery) {
            return "a subquery";
        } else if (e instanceof NumberLiteral) {
            return "a number";
        } else if (e instanceof StringLiteral) {
            return "a string";
        }
        return "an expression";
    }

    private Expr parseOffset(Expr target, int start) {
        int kw = tokStart;
        next();
        boolean negative = false;
        if (tok == SUB || tok == ADD) {
            negative = tok == SUB;
            next();
        }
        long nanos;
        if (tokHasVar && (tok == VAR || tok == IDENT)) {
            nanos = placeholderNanos(variables.get(variables.size() - 1).name());
        } else if (tok == NUMBER) {
            nanos = secondsToNanos(tokNumber, tokStart);
        } else if (tok == DURATION) {
            nanos = tokNanos;
        } else if (tok == LPAREN || (tok == IDENT && (isWord("step") || isWord("range") || isWord("min_of")
                || isWord("max_of")))) {
            throw fail(tokStart, "duration expressions in offset (arithmetic, step(), range(), min_of(), max_of()) "
                    + "are experimental in Prometheus (behind a feature flag) and not supported");
        } else {
            throw fail(tokStart, "unexpected " + describe() + " in offset, expected number or duration");
        }
        int end = tokEnd;
        Duration offset = Duration.ofNanos(negative ? -nanos : nanos);
        next();
        Span sp = spanOrig(target.span().start(), end);
        Expr e = target;
        if (e instanceof VectorSelector vs) {
            if (vs.offset() != null) {
                throw fail(kw, "offset may not be set multiple times");
            }
            return vs.withOffset(offset, sp);
        }
        if (e instanceof MatrixSelector ms) {
            if (ms.selector().offset() != null) {
                throw fail(kw, "offset may not be set multiple times");
            }
            return new MatrixSelector(ms.selector().withOffset(offset, ms.selector().span()), ms.range(), ms.rangeText(), sp);
        }
        if (e instanceof Subquery sq) {
            if (sq.offset() != null) {
                throw fail(kw, "offset may not be set multiple times");
            }
            return sq.withOffset(offset, sp);
        }
        throw fail(kw, "offset modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }

    private Expr parseAt(Expr target, int start) {
        int at = tokStart;
        next();
        AtModifier.Kind kind;
        double ts = 0;
        int end;
        boolean negative = false;
        if (tok == SUB || tok == ADD) {
            negative = tok == SUB;
            next();
        }
        if (tok == VAR) {
            kind = AtModifier.Kind.TIMESTAMP;
            ts = placeholderNumber(variables.get(tokVarIndex).name()) / 1000;
            end = tokEnd;
            next();
        } else if (tok == NUMBER || tok == DURATION) {
            kind = AtModifier.Kind.TIMESTAMP;
            ts = tokNumber;
            end = tokEnd;
            next();
        } else if (tok == IDENT && (isWord("inf") || isWord("nan"))) {
            kind = AtModifier.Kind.TIMESTAMP;
            ts = isWord("inf") ? Double.POSITIVE_INFINITY : Double.NaN;
            end = tokEnd;
            next();
        } else if (tok == IDENT && !negative && (isWord("start") || isWord("end"))) {
            kind = isWord("start") ? AtModifier.Kind.START : AtModifier.Kind.END;
            String w = word().toLowerCase(Locale.ROOT);
            next();
            if (tok != LPAREN) {
                throw fail(tokStart, "unexpected " + describe() + " after @ " + w + ", expected \"()\"");
            }
            next();
            if (tok != RPAREN) {
                throw fail(tokStart, "unexpected " + describe() + " after @ " + w + "(, expected \")\"");
            }
            end = tokEnd;
            next();
        } else {
            throw fail(tokStart, "unexpected " + describe() + " in @, expected timestamp, start() or end()");
        }
        if (negative) {
            ts = -ts;
        }
        if (kind == AtModifier.Kind.TIMESTAMP && (Double.isNaN(ts) || Double.isInfinite(ts)
                || Math.abs(ts) * 1000 >= 9.223372036854775807E18)) {
            throw fail(at, "timestamp out of bounds for @ modifier: " + originalText(at + 1, end).strip());
        }
        AtModifier mod = new AtModifier(kind, ts, span(at, end));
        Span sp = spanOrig(target.span().start(), end);
        if (target instanceof VectorSelector vs) {
            if (vs.at() != null) {
                throw fail(at, "@ <timestamp> may not be set multiple times");
            }
            return vs.withAt(mod, sp);
        }
        if (target instanceof MatrixSelector ms) {
            if (ms.selector().at() != null) {
                throw fail(at, "@ <timestamp> may not be set multiple times");
            }
            return new MatrixSelector(ms.selector().withAt(mod, ms.selector().span()), ms.range(), ms.rangeText(), sp);
        }
        if (target instanceof Subquery sq) {
            if (sq.at() != null) {
                throw fail(at, "@ <timestamp> may not be set multiple times");
            }
            return sq.withAt(mod, sp);
        }
        throw fail(at, "@ modifier must be preceded by an instant vector selector or range vector selector or a subquery");
    }
}
