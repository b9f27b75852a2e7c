package io.vertice.dash.promql;

import io.vertice.dash.promql.Token.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns PromQL text into {@link Token}s on demand (refilling one cursor, see {@link Token}); numbers, durations and strings are scanned and
 * decoded here. The parser asks for the next token in the mode its position needs: {@link #next} in
 * expressions, {@code label}, {@link #string} inside braces, {@link #number} inside brackets.
 *
 * <p>In Grafana mode variable references ({@code $var}, {@code ${var:fmt}}, {@code [[var]]}) are
 * recognised: standalone as VAR tokens, glued into names ({@code foo_${env}_total}) as part of an IDENT,
 * inside strings kept verbatim. Every reference is recorded in {@link #variables()} in source order.
 */
final class Lexer {
    private final String s;
    /** The text as an array: indexing it is much cheaper than charAt() before the JIT has warmed up. */
    private final char[] buf;

    private final int n;
    private final boolean grafana;
    private final List<VariableUse> variables = new ArrayList<>(4);
    private final int[] lineStarts;
    private final Interner names = Interner.current();
    /** The token {@link #next} fills: the parser's current token. */
    private final Token current = new Token(this);
    /** The token the scans the parsers call directly fill ({@link #name}, {@link #string}, {@link #number}). */
    private final Token side = new Token(this);

    Lexer(String text, boolean grafana) {
        this.s = text;
        this.n = text.length();
        this.buf = Buffers.chars(text);
        this.grafana = grafana;
        this.lineStarts = lineStarts(text);
    }

    /** Per-thread reusable character buffer: lexing many expressions allocates no copy of each text. */
    private static final class Buffers {
        private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[256]);

        static char[] chars(String text) {
            int length = text.length();
            char[] b = BUFFER.get();
            if (b.length < length) {
                b = new char[Math.max(length, b.length * 2)];
                if (length <= 1 << 16) {
                    BUFFER.set(b); // keep buffers for ordinary expressions; huge inputs get a one-off array
                }
            }
            text.getChars(0, length, b, 0);
            return b;
        }
    }

    String source() {
        return s;
    }

    int length() {
        return n;
    }

    /** The character at p, or 0 past the end. */
    char at(int p) {
        return p < n ? buf[p] : 0;
    }

    List<VariableUse> variables() {
        return variables;
    }

    /** {@code s.substring(from, to)}, shared with earlier equal strings when short. */
    String text(int from, int to) {
        return names.substring(s, buf, from, to);
    }

    PromqlException fail(int offset, String message) {
        return PromqlException.at(s, offset, message);
    }

    // ------------------------------------------------------------------ positions

    private static int[] lineStarts(String text) {
        if (text.indexOf('\n') < 0) {
            return null;
        }
        int[] starts = new int[8];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** The span {@code [start, end)} with the line and column of start. */
    Span span(int start, int end) {
        int e = Math.max(start, end);
        if (lineStarts == null) {
            return new Span(start, e, 1, start + 1);
        }
        int lo = 0;
        int hi = lineStarts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lineStarts[mid] <= start) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new Span(start, e, lo + 1, start - lineStarts[lo] + 1);
    }

    // ------------------------------------------------------------------ characters

    static boolean isAlpha(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    int skipSpaceAndComments(int p) {
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

    int skipSpaces(int p) {
        while (p < n && isSpace(buf[p])) {
            p++;
        }
        return p;
    }

    /** The character at p quoted for a message, e.g. {@code '~'}. */
    String quoteChar(int p) {
        if (p >= n) {
            return "end of input";
        }
        return "'" + new String(Character.toChars(s.codePointAt(p))) + "'";
    }

    /** The letters and digits from p, for messages. */
    String identAt(int p) {
        int q = p;
        while (q < n && isAlnum(buf[q])) {
            q++;
        }
        return s.substring(p, q);
    }

    /** Whether the next non-space character from {@code from} is c. */
    boolean followedBy(int from, char c) {
        int p = skipSpaceAndComments(from);
        return p < n && buf[p] == c;
    }

    /** Whether the next word from {@code from} is the keyword {@code lower} (any case). */
    boolean followedByWord(int from, String lower) {
        int p = skipSpaceAndComments(from);
        int len = lower.length();
        if (p + len > n || (p + len < n && (isAlnum(buf[p + len]) || buf[p + len] == ':'))) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if ((buf[p + i] | 0x20) != lower.charAt(i)) { // ASCII letters only: keywords are lower-case letters
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ tokens

    /** The next token of an expression, from offset {@code from}. */
    Token next(int from) {
        int p = skipSpaceAndComments(from);
        if (p >= n) {
            return current.set(Kind.EOF, p, p);
        }
        char c = buf[p];
        char d = at(p + 1);
        return switch (c) {
            case '(' -> current.set(Kind.LPAREN, p, p + 1);
            case ')' -> current.set(Kind.RPAREN, p, p + 1);
            case '{' -> current.set(Kind.LBRACE, p, p + 1);
            case '}' -> throw fail(p, Errors.unexpectedCharacter(quoteChar(p)));
            case '[' -> d == '[' && startsVariable(p)
                    ? variableToken(p, current)
                    : current.set(Kind.LBRACKET, p, p + 1);
            case '$' -> {
                if (!startsVariable(p)) {
                    throw fail(p, Errors.unexpectedDollar(grafana));
                }
                yield variableToken(p, current);
            }
            case ']' -> throw fail(p, Errors.unexpectedRightBracket());
            case ',' -> current.set(Kind.COMMA, p, p + 1);
            case '@' -> current.set(Kind.AT, p, p + 1);
            case '+' -> current.set(Kind.ADD, p, p + 1);
            case '-' -> current.set(Kind.SUB, p, p + 1);
            case '*' -> current.set(Kind.MUL, p, p + 1);
            case '/' -> current.set(Kind.DIV, p, p + 1);
            case '%' -> current.set(Kind.MOD, p, p + 1);
            case '^' -> current.set(Kind.POW, p, p + 1);
            case '=' -> {
                if (d == '~') {
                    throw fail(p, Errors.regexMatcherOutsideBraces());
                }
                yield d == '=' ? current.set(Kind.EQLC, p, p + 2) : current.set(Kind.EQL, p, p + 1);
            }
            case '!' -> {
                if (d != '=') {
                    throw fail(p, Errors.unexpectedAfter('!', "", quoteChar(p + 1)));
                }
                yield current.set(Kind.NEQ, p, p + 2);
            }
            case '<' -> d == '=' ? current.set(Kind.LTE, p, p + 2) : current.set(Kind.LSS, p, p + 1);
            case '>' -> d == '=' ? current.set(Kind.GTE, p, p + 2) : current.set(Kind.GTR, p, p + 1);
            case '"', '\'', '`' -> string(p, current);
            default -> {
                if (isDigit(c) || (c == '.' && isDigit(d))) {
                    yield number(p, current);
                }
                if (isAlpha(c) || c == ':') {
                    yield name(p, true, current);
                }
                throw fail(p, Errors.unexpectedCharacter(quoteChar(p)));
            }
        };
    }

    /**
     * A name from p: letters, digits, underscores (and colons for metric names, {@code colons}) and, in
     * Grafana mode, variable references glued in ({@code foo_${env}_total}).
     */
    Token name(int p, boolean colons) {
        return name(p, colons, side);
    }

    private Token name(int p, boolean colons, Token into) {
        int firstVariable = variables.size();
        int q = p;
        while (q < n) {
            char c = buf[q];
            if (isAlnum(c) || (colons && c == ':')) {
                q++;
            } else if ((c == '$' || c == '[') && startsVariable(q)) {
                q = recordVariable(q);
            } else {
                break;
            }
        }
        return into.set(Kind.IDENT, p, q, 0, 0, null, variables.size() > firstVariable ? firstVariable : -1);
    }

    // ------------------------------------------------------------------ Grafana variables

    // the last reference matched, so checking and recording a reference matches it once
    private int matchedAt = -1;
    private int[] matched;

    /** The reference at p as {@link GrafanaVariables#match} returns it, or null. */
    int[] variableAt(int p) {
        if (p != matchedAt) {
            matched = GrafanaVariables.match(s, p);
            matchedAt = p;
        }
        return matched;
    }

    /** Whether a Grafana variable reference starts at p (Grafana mode only). */
    boolean startsVariable(int p) {
        if (!grafana || p >= n) {
            return false;
        }
        char c = buf[p];
        return (c == '$' || (c == '[' && p + 1 < n && buf[p + 1] == '[')) && variableAt(p) != null;
    }

    /** Records the variable reference at p and returns where it ends. */
    int recordVariable(int p) {
        int[] m = variableAt(p);
        Span at = span(p, p);
        variables.add(
                new VariableUse(text(m[0], m[1]), m[2] < 0 ? null : text(m[2], m[3]), p, m[4], at.line(), at.column()));
        return m[4];
    }

    /** A variable reference in expression position: standalone (VAR) or glued into a name (IDENT). */
    private Token variableToken(int p, Token into) {
        int index = variables.size();
        int end = recordVariable(p);
        if (end < n && (isAlnum(buf[end]) || buf[end] == ':' || startsVariable(end))) {
            int restEnd = name(end, true, into).end();
            return into.set(Kind.IDENT, p, restEnd, 0, 0, null, index);
        }
        return into.set(Kind.VAR, p, end, 0, 0, null, index);
    }

    /** Whether a Grafana variable lies inside {@code [start, end)} (strings keep variables verbatim). */
    boolean hasVariable(int start, int end) {
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

    // ------------------------------------------------------------------ numbers and durations

    /**
     * A number or duration at p: decimal, hex ({@code 0x}), octal-looking ({@code 0755}), fraction,
     * exponent; a decimal integer followed by units is a duration ({@code 1h30m}).
     */
    Token number(int p) {
        return number(p, side);
    }

    private Token number(int p, Token into) {
        int start = p;
        boolean hex = false;
        boolean plainInteger = true;
        if (buf[p] == '0' && (at(p + 1) == 'x' || at(p + 1) == 'X')) {
            hex = true;
            plainInteger = false;
            p += 2;
            int digits = p;
            while (p < n && Character.digit(buf[p], 16) >= 0) {
                p++;
            }
            if (p == digits) {
                throw fail(start, Errors.badNumber(s.substring(start, Math.min(n, p + 1))));
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
        char c = at(p);
        if (c == '.' || (isAlnum(c) && !(plainInteger && PromDuration.isUnitStart(c)))) {
            throw fail(start, Errors.badNumber(s.substring(start, Math.min(n, p + 1))));
        }
        if (isAlnum(c)) {
            return duration(start, into);
        }
        double value;
        if (plainInteger && p - start <= 15 && (buf[start] != '0' || p - start == 1)) {
            long v = 0;
            for (int i = start; i < p; i++) {
                v = v * 10 + (buf[i] - '0');
            }
            value = v; // the common case, without a substring and Double.parseDouble
        } else {
            value = numberValue(s.substring(start, p), hex, start);
        }
        return into.set(Kind.NUMBER, start, p, value, 0, null, -1);
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
            throw fail(start, Errors.numberOutOfRange(text));
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

    /** A {@code 1h30m}-style duration at start, read by {@link PromDuration}'s grammar. */
    private Token duration(int start, Token into) {
        int end = start;
        while (end < n && isAlnum(buf[end])) {
            end++;
        }
        PromDuration.Scan scan = PromDuration.scan(s, start, end);
        if (scan.error() != null) {
            throw fail(start, scan.error());
        }
        if (end < n && buf[end] == '.') {
            throw fail(start, Errors.badNumber(s.substring(start, end + 1)));
        }
        long millis = scan.millis();
        return into.set(Kind.DURATION, start, end, millis / 1000.0, millis * 1_000_000, null, -1);
    }

    // ------------------------------------------------------------------ strings

    /** A quoted string at p (the quote): a STRING token with the decoded value as its text. */
    Token string(int p) {
        return string(p, side);
    }

    private Token string(int p, Token into) {
        char quote = buf[p];
        int q = p + 1;
        if (quote == '`') {
            while (true) {
                if (q >= n) {
                    throw fail(p, Errors.unterminatedRawString());
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
            return into.set(Kind.STRING, p, q + 1, 0, 0, text(p + 1, q), -1);
        }
        StringBuilder sb = null;
        int plainFrom = p + 1;
        while (true) {
            if (q >= n) {
                throw fail(p, Errors.unterminatedString());
            }
            char c = buf[q];
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                throw fail(p, Errors.newlineInString());
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
        String value;
        if (sb == null) {
            value = text(p + 1, q);
        } else {
            value = sb.append(s, plainFrom, q).toString();
        }
        return into.set(Kind.STRING, p, q + 1, 0, 0, value, -1);
    }

    private void checkSurrogate(int q) {
        char c = buf[q];
        if (Character.isHighSurrogate(c)) {
            if (q + 1 >= n || !Character.isLowSurrogate(buf[q + 1])) {
                throw fail(q, Errors.invalidUtf8Rune());
            }
        } else if (Character.isLowSurrogate(c) && (q == 0 || !Character.isHighSurrogate(buf[q - 1]))) {
            throw fail(q, Errors.invalidUtf8Rune());
        }
    }

    /** Decodes the escape at q (the backslash) into sb; consecutive byte escapes are decoded as UTF-8 together. */
    private int escape(int q, char quote, StringBuilder sb) {
        byte[] bytes = null;
        int nbytes = 0;
        while (true) {
            if (q + 1 >= n) {
                throw fail(q, Errors.escapeNotTerminated());
            }
            char e = buf[q + 1];
            int digits;
            int base;
            int from;
            switch (e) {
                case 'a', 'b', 'f', 'n', 'r', 't', 'v', '\\' -> {
                    flushBytes(sb, bytes, nbytes);
                    sb.append(
                            switch (e) {
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
                case '0', '1', '2', '3', '4', '5', '6', '7', 'x', 'u', 'U' -> {
                    // octal escapes: three digits; after x two, after u four, after U eight hex digits
                    digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 3;
                    base = digits == 3 ? 8 : 16;
                    from = digits == 3 ? q + 1 : q + 2;
                }
                default -> {
                    if (e == quote) {
                        flushBytes(sb, bytes, nbytes);
                        sb.append(e);
                        return q + 2;
                    }
                    throw fail(q, Errors.unknownEscape(s.codePointAt(q + 1), quoteChar(q + 1)));
                }
            }
            long x = 0;
            for (int i = 0; i < digits; i++) {
                int at = from + i;
                if (at >= n) {
                    throw fail(q, Errors.escapeNotTerminated());
                }
                int d = Character.digit(buf[at], base);
                if (d < 0 || !(buf[at] < 128)) {
                    if (buf[at] == quote) {
                        throw fail(q, Errors.escapeNotTerminated());
                    }
                    throw fail(q, Errors.illegalEscapeCharacter(s.codePointAt(at), quoteChar(at)));
                }
                x = x * base + d;
            }
            int end = from + digits;
            if (e == 'u' || e == 'U') {
                if (x > Character.MAX_CODE_POINT || (x >= 0xD800 && x < 0xE000)) {
                    throw fail(q, Errors.invalidCodePoint());
                }
                flushBytes(sb, bytes, nbytes);
                sb.appendCodePoint((int) x);
                return end;
            }
            if (x > 255) {
                throw fail(q, Errors.invalidCodePoint());
            }
            if (bytes == null) {
                bytes = new byte[8];
            } else if (nbytes == bytes.length) {
                bytes = Arrays.copyOf(bytes, nbytes * 2);
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
}
