package io.vertice.dash.promql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Label-matcher regexes. Prometheus uses RE2, fully anchored; Java's engine is close enough to tell
 * whether a pattern matches the empty string and to catch clearly broken patterns. Constructs Java
 * rejects but RE2 accepts (e.g. a literal <code>{</code>) are given the benefit of the doubt.
 */
final class Regexes {
    private static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<String, Boolean> MATCHES_EMPTY = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** Whether the anchored regex matches "" (false when Java cannot compile it). */
    static boolean matchesEmpty(String regex) {
        if (regex.isEmpty() || regex.equals(".*")) {
            return true;
        }
        if (regex.equals(".+")) {
            return false;
        }
        Boolean cached = MATCHES_EMPTY.get(regex);
        if (cached != null) {
            return cached;
        }
        boolean result;
        try {
            result = Pattern.compile(toJava(regex), Pattern.DOTALL).matcher("").matches();
        } catch (PatternSyntaxException e) {
            result = false;
        }
        if (MATCHES_EMPTY.size() < CACHE_LIMIT) {
            MATCHES_EMPTY.put(regex, result);
        }
        return result;
    }

    /** A description of why the regex is invalid, or null when it is (or may be) valid. */
    static String problem(String regex) {
        String nested = nestedRepetition(regex);
        if (nested != null) {
            return nested;
        }
        boolean mayFailToCompile = regex.indexOf('(') >= 0 || regex.indexOf(')') >= 0 || regex.indexOf('[') >= 0
                || regex.startsWith("*") || regex.startsWith("+") || regex.startsWith("?") || regex.contains("|*")
                || regex.contains("|+") || regex.contains("|?");
        if (!mayFailToCompile) {
            return null; // the compile errors we report all need one of these
        }
        try {
            Pattern.compile(toJava(regex));
            return null;
        } catch (PatternSyntaxException e) {
            String d = e.getDescription();
            if (d.startsWith("Unclosed group") || d.startsWith("Unclosed character class")
                    || d.startsWith("Unmatched closing ')'") || d.startsWith("Dangling meta character")) {
                return d.replace("'", "").toLowerCase(java.util.Locale.ROOT);
            }
            return null;
        }
    }

    /**
     * RE2 rejects a repetition applied to a repetition ({@code a**}, {@code .+*}, {@code a{2}+}); only one
     * lazy {@code ?} may follow. Java accepts some of these (as possessive), so check them here.
     */
    private static String nestedRepetition(String regex) {
        int state = 0; // 0: after an atom, 1: after a quantifier, 2: after a lazy '?'
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    i++;
                    state = 0;
                }
                case '[' -> {
                    int j = i + 1;
                    if (j < n && regex.charAt(j) == '^') {
                        j++;
                    }
                    if (j < n && regex.charAt(j) == ']') {
                        j++;
                    }
                    while (j < n && regex.charAt(j) != ']') {
                        j += regex.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j;
                    state = 0;
                }
                case '*', '+' -> {
                    if (state != 0) {
                        return "invalid nested repetition operator at \"" + regex.substring(Math.max(0, i - 1), i + 1) + "\"";
                    }
                    state = 1;
                }
                case '?' -> {
                    if (state == 2) {
                        return "invalid nested repetition operator at \"" + regex.substring(i - 1, i + 1) + "\"";
                    }
                    state = state == 1 ? 2 : 1;
                }
                case '{' -> {
                    int j = i + 1;
                    while (j < n && (Character.isDigit(regex.charAt(j)) || regex.charAt(j) == ',')) {
                        j++;
                    }
                    if (j > i + 1 && j < n && regex.charAt(j) == '}' && Character.isDigit(regex.charAt(i + 1))) {
                        if (state != 0) {
                            return "invalid nested repetition operator at \"" + regex.substring(i - 1, j + 1) + "\"";
                        }
                        state = 1;
                        i = j;
                    } else {
                        state = 0;
                    }
                }
                default -> state = 0;
            }
        }
        return null;
    }

    /** RE2's named groups {@code (?P<name>...)} are {@code (?<name>...)} in Java. */
    private static String toJava(String regex) {
        return regex.contains("(?P<") ? regex.replace("(?P<", "(?<") : regex;
    }
}
