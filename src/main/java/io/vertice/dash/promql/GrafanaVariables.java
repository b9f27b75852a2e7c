package io.vertice.dash.promql;

import java.util.ArrayList;
import java.util.List;

/**
 * Grafana's variable reference syntax: {@code $name}, {@code ${name}}, {@code ${name.field}},
 * {@code ${name:format}}, {@code [[name]]}, {@code [[name:format]]} (names are word characters).
 */
public final class GrafanaVariables {
    private GrafanaVariables() {}

    /**
     * Every variable reference in any text (a legend, a title, an expression that does not parse), in
     * order, with its position. Purely numeric names ({@code $1} in a {@code label_replace}
     * replacement) are regex back-references, not variables, and are left out.
     */
    public static List<VariableUse> find(String text) {
        List<VariableUse> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int i = 0;
        while (i < text.length()) {
            boolean candidate = text.charAt(i) == '$' || text.startsWith("[[", i);
            int[] m = candidate ? match(text, i) : null;
            if (m == null) {
                i++;
                continue;
            }
            String name = text.substring(m[0], m[1]);
            if (!name.chars().allMatch(Character::isDigit)) {
                Position at = PromQL.lineColumn(text, i);
                out.add(new VariableUse(
                        name, m[2] < 0 ? null : text.substring(m[2], m[3]), i, m[4], at.line(), at.column()));
            }
            i = m[4];
        }
        return out;
    }

    /**
     * Matches a variable reference at {@code i}: returns {nameStart, nameEnd, formatStart, formatEnd, end}
     * (format -1 when absent) or null. Follows Grafana's syntax: {@code $name}, {@code ${name}},
     * {@code ${name.field}}, {@code ${name:format}}, {@code [[name]]}, {@code [[name:format]]}.
     */
    static int[] match(String s, int i) {
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
                return new int[] {nameStart, nameEnd, fs, fe, p + 1};
            }
            int p = i + 1;
            while (p < n && isWordChar(s.charAt(p))) {
                p++;
            }
            return p == i + 1 ? null : new int[] {i + 1, p, -1, -1, p};
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
            return new int[] {nameStart, nameEnd, fs, fe, p + 2};
        }
        return null;
    }

    /**
     * The number a variable stands for where PromQL needs a scalar ({@code topk($n, ...)}, {@code $__range_s}).
     * Only its type matters to the parser; the values are plausible ones so nothing downstream divides by zero.
     */
    static double placeholderNumber(String name) {
        if (name.endsWith("_ms")) {
            return 60_000;
        }
        if (name.equals("__from") || name.equals("__to")) {
            return 1.7e12;
        }
        return name.equals("__range") || name.equals("__range_s") ? 3600 : 60;
    }

    /** The duration (in nanoseconds) a variable stands for inside range brackets or after {@code offset}. */
    static long placeholderNanos(String name) {
        return (name.startsWith("__range") ? 3600L : 60L) * 1_000_000_000L;
    }

    private static boolean isWordChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
