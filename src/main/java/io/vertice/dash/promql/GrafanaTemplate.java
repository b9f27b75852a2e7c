package io.vertice.dash.promql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds Grafana variables and macros in a query and replaces them, outside string literals, with
 * placeholders of the type their position needs, so the rest can be parsed as plain PromQL:
 * <ul>
 *   <li>inside a range/subquery bracket or after {@code offset}: a duration ({@code 1m});
 *       a bare number when a unit follows ({@code [${__range_s}s]});</li>
 *   <li>inside braces, in {@code by/without/on/ignoring/group_*} label lists, glued to identifier
 *       characters, before {@code {}/{@code [}, or as the whole query: an identifier (the variable's name);</li>
 *   <li>elsewhere (thresholds, {@code topk($n, ...)}, {@code $__range_s}): a number.</li>
 * </ul>
 * Inside string literals nothing is replaced ({@code "$env"} is a fine string), but the use is recorded.
 */
final class GrafanaTemplate {
    private static final String[] GROUPING_WORDS = {"by", "without", "on", "ignoring", "group_left",
            "group_right"};
    private static final Set<String> RESERVED = Set.of("and", "or", "unless", "atan2", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "offset", "inf", "nan", "sum", "avg", "count", "min",
            "max", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values", "limitk",
            "limit_ratio", "anchored", "smoothed");

    /** The substituted text, the map back to the original, and the variables found. */
    record Result(String text, SourceMap map, List<VariableUse> variables) {
    }

    private GrafanaTemplate() {
    }

    static Result substitute(String src) {
        if (src.indexOf('$') < 0 && !src.contains("[[")) {
            return new Result(src, SourceMap.IDENTITY, List.of());
        }
        int n = src.length();
        StringBuilder out = null; // created at the first replacement; text is copied in chunks
        int copied = 0;
        List<VariableUse> uses = new ArrayList<>(4);
        IntList ss = new IntList();
        IntList se = new IntList();
        IntList os = new IntList();
        IntList oe = new IntList();
        char quote = 0;
        boolean inBraces = false;
        boolean inBrackets = false;
        long groupingParens = 0; // bit stack: 1 = this paren level is a label list
        int parenDepth = 0;
        int wordStart = -1; // last identifier outside strings, as a range (no allocation)
        int wordEnd = -1;
        int line = 1;
        int lineStart = 0;
        int i = 0;
        while (i < n) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                lineStart = i + 1;
            }
            if (quote != 0) {
                if (c == '\\' && quote != '`') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                } else if (c == '$' || (c == '[' && i + 1 < n && src.charAt(i + 1) == '[')) {
                    int[] m = match(src, i);
                    if (m != null) {
                        if (!allDigits(src, m[0], m[1])) { // "$1" in label_replace is a regex group, not a variable
                            uses.add(use(src, i, m, line, i - lineStart + 1));
                        }
                        i = m[4];
                        continue;
                    }
                }
                i++;
                continue;
            }
            if (c == '$' || (c == '[' && i + 1 < n && src.charAt(i + 1) == '[')) {
                int[] m = match(src, i);
                if (m != null) {
                    VariableUse v = use(src, i, m, line, i - lineStart + 1);
                    uses.add(v);
                    boolean grouping = parenDepth > 0 && parenDepth <= 64
                            && (groupingParens >>> (parenDepth - 1) & 1) == 1;
                    boolean afterOffset = wordEnd > wordStart && isWord(src, wordStart, wordEnd, "offset");
                    String placeholder = placeholder(src, i, m[4], v.name(), inBrackets || afterOffset,
                            inBraces || grouping);
                    if (out == null) {
                        out = new StringBuilder(n + 16);
                    }
                    out.append(src, copied, i);
                    ss.add(out.length());
                    out.append(placeholder);
                    se.add(out.length());
                    os.add(i);
                    oe.add(m[4]);
                    i = m[4];
                    copied = i;
                    wordStart = wordEnd = -1;
                    continue;
                }
            }
            if (isIdentChar(c)) {
                int j = i + 1;
                while (j < n && isIdentChar(src.charAt(j))) {
                    j++;
                }
                wordStart = i;
                wordEnd = j;
                i = j;
                continue;
            }
            switch (c) {
                case '"', '\'', '`' -> quote = c;
                case '#' -> {
                    int j = src.indexOf('\n', i);
                    i = j < 0 ? n : j;
                    continue;
                }
                case '{' -> inBraces = true;
                case '}' -> inBraces = false;
                case '[' -> inBrackets = true;
                case ']' -> inBrackets = false;
                case '(' -> {
                    parenDepth++;
                    if (parenDepth <= 64) {
                        long bit = 1L << (parenDepth - 1);
                        boolean label = wordEnd > wordStart && isGroupingWord(src, wordStart, wordEnd);
                        groupingParens = label ? groupingParens | bit : groupingParens & ~bit;
                    }
                }
                case ')' -> parenDepth = Math.max(0, parenDepth - 1);
                default -> {
                }
            }
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                wordStart = wordEnd = -1;
            }
            i++;
        }
        if (ss.size == 0) {
            return new Result(src, SourceMap.IDENTITY, uses);
        }
        out.append(src, copied, n);
        return new Result(out.toString(), new SourceMap(ss.data, se.data, os.data, oe.data, ss.size), uses);
    }

    private static boolean isWord(String src, int start, int end, String lower) {
        return end - start == lower.length() && src.regionMatches(true, start, lower, 0, lower.length());
    }

    private static boolean isGroupingWord(String src, int start, int end) {
        for (String w : GROUPING_WORDS) {
            if (isWord(src, start, end, w)) {
                return true;
            }
        }
        return false;
    }

    private static String placeholder(String src, int start, int end, String name, boolean durationContext,
                                      boolean identifierContext) {
        char prev = start > 0 ? src.charAt(start - 1) : ' ';
        char next = end < src.length() ? src.charAt(end) : ' ';
        boolean numericMacro = name.startsWith("__") && !name.equals("__interval") && !name.equals("__rate_interval")
                && !name.equals("__range");
        if (durationContext) {
            if (numericMacro || Character.isLetter(next)) {
                return numericMacro ? numericMacroValue(name) : "60";
            }
            return name.equals("__range") ? "1h" : "1m";
        }
        boolean glued = isIdentChar(prev) || isIdentChar(next);
        if (identifierContext || glued) {
            return glued ? identifierFragment(name) : identifier(name);
        }
        int k = end;
        while (k < src.length() && Character.isWhitespace(src.charAt(k))) {
            k++;
        }
        char following = k < src.length() ? src.charAt(k) : ' ';
        if (following == '{' || following == '[') {
            return identifier(name);
        }
        if (name.startsWith("__")) {
            return numericMacro ? numericMacroValue(name) : name.equals("__range") ? "3600" : "60";
        }
        if (isBlank(src, 0, start) && isBlank(src, end, src.length())) {
            return identifier(name); // the whole query is the variable: a metric name
        }
        return "1";
    }

    private static String numericMacroValue(String name) {
        if (name.endsWith("_ms") || name.equals("__from") || name.equals("__to")) {
            return "60000";
        }
        return "60";
    }

    private static String identifier(String name) {
        return Character.isDigit(name.charAt(0)) || RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT))
                ? "v_" + name : name;
    }

    private static String identifierFragment(String name) {
        return Character.isDigit(name.charAt(0)) ? "v" + name : name;
    }

    private static VariableUse use(String src, int start, int[] m, int line, int column) {
        String format = m[2] < 0 ? null : src.substring(m[2], m[3]);
        return new VariableUse(src.substring(m[0], m[1]), format, start, m[4], line, column);
    }

    /**
     * Matches a variable reference at {@code i}: returns {nameStart, nameEnd, formatStart, formatEnd, end}
     * (format -1 when absent) or null. Follows Grafana's syntax: {@code $name}, {@code ${name}},
     * {@code ${name.field}}, {@code ${name:format}}, {@code [[name]]}, {@code [[name:format]]}.
     */
    private static int[] match(String s, int i) {
        int n = s.length();
        if (s.charAt(i) == '$') {
            if (i + 1 < n && s.charAt(i + 1) == '{') {
                int p = i + 2;
                int nameStart = p;
                while (p < n && isWordChar(s.charAt(p))) {
                    p++;
                }
                if (p == nameStart) {
                    return null;
                }
                int nameEnd = p;
                if (p < n && s.charAt(p) == '.') {
                    while (p < n && s.charAt(p) != ':' && s.charAt(p) != '}') {
                        p++;
                    }
                }
                int fs = -1;
                int fe = -1;
                if (p < n && s.charAt(p) == ':') {
                    fs = p + 1;
                    while (p < n && s.charAt(p) != '}') {
                        p++;
                    }
                    fe = p;
                    if (fe == fs) {
                        return null;
                    }
                }
                if (p >= n || s.charAt(p) != '}') {
                    return null;
                }
                return new int[]{nameStart, nameEnd, fs, fe, p + 1};
            }
            int p = i + 1;
            while (p < n && isWordChar(s.charAt(p))) {
                p++;
            }
            return p == i + 1 ? null : new int[]{i + 1, p, -1, -1, p};
        }
        // [[name]] or [[name:format]]
        int p = i + 2;
        int nameStart = p;
        while (p < n && isWordChar(s.charAt(p))) {
            p++;
        }
        if (p == nameStart) {
            return null;
        }
        int nameEnd = p;
        int fs = -1;
        int fe = -1;
        if (p < n && s.charAt(p) == ':') {
            fs = ++p;
            while (p < n && isWordChar(s.charAt(p))) {
                p++;
            }
            fe = p;
            if (fe == fs) {
                return null;
            }
        }
        if (p + 1 < n && s.charAt(p) == ']' && s.charAt(p + 1) == ']') {
            return new int[]{nameStart, nameEnd, fs, fe, p + 2};
        }
        return null;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isIdentChar(char c) {
        return isWordChar(c) || c == ':';
    }

    /** A growable int array, to avoid boxing. */
    private static final class IntList {
        int[] data = new int[4];
        int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }
    }
}
