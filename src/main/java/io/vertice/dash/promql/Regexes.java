package io.vertice.dash.promql;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Label-matcher regexes. Prometheus uses RE2, fully anchored; Java's engine is close enough to tell
 * whether a pattern matches the empty string and to catch clearly broken patterns. Constructs Java
 * rejects but RE2 accepts (e.g. a literal {@code {}) are given the benefit of the doubt.
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
        if (regex.indexOf('(') < 0 && regex.indexOf(')') < 0 && regex.indexOf('[') < 0 && regex.indexOf('*') != 0
                && regex.indexOf('+') != 0 && regex.indexOf('?') != 0) {
            return null; // the only errors we report need one of these
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

    /** RE2's named groups {@code (?P<name>...)} are {@code (?<name>...)} in Java. */
    private static String toJava(String regex) {
        return regex.contains("(?P<") ? regex.replace("(?P<", "(?<") : regex;
    }
}
