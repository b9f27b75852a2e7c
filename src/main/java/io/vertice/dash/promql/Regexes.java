package io.vertice.dash.promql;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label-matcher regexes with Prometheus's semantics: RE2 (through re2j, the Java port of Go's
 * {@code regexp}), fully anchored, {@code .} matching newlines as in Prometheus 3. So a pattern RE2
 * rejects ({@code (?=a)b}, {@code (a)\1}, {@code a{1001}}, {@code \Z}) is an error here too, and
 * matching a label value gives Prometheus's answer.
 */
final class Regexes {
    private static final int CACHE_LIMIT = 4096;
    private static final ConcurrentHashMap<String, Compiled> CACHE = new ConcurrentHashMap<>();

    /** A compiled matcher regex, or why it does not compile. */
    private record Compiled(Pattern pattern, String problem) {}

    private Regexes() {}

    private static Compiled compiled(String regex) {
        Compiled c = CACHE.get(regex);
        if (c == null) {
            c = compile(regex);
            if (CACHE.size() < CACHE_LIMIT) {
                CACHE.put(regex, c);
            }
        }
        return c;
    }

    private static Compiled compile(String regex) {
        String anchored = "^(?s:" + regex + ")$";
        try {
            return new Compiled(Pattern.compile(anchored), null);
        } catch (PatternSyntaxException e) {
            return new Compiled(null, describe(e, anchored));
        }
    }

    /** RE2's reason, with the offending part of the pattern unless it is the whole (wrapped) pattern. */
    private static String describe(PatternSyntaxException e, String anchored) {
        String what = e.getDescription();
        if (String.valueOf(e.getMessage()).contains("stack underflow")) {
            return "unexpected )"; // re2j's wording for an unopened ')', which Go reports as this
        }
        String part = e.getPattern();
        return part == null || part.isEmpty() || part.equals(anchored) || part.contains("^(?s:")
                ? what
                : what + ": `" + part + "`";
    }

    /** Why the regex does not compile under RE2, or null when it does. */
    static String problem(String regex) {
        return compiled(regex).problem();
    }

    /** Whether the anchored regex matches "" (false when it does not compile). */
    static boolean matchesEmpty(String regex) {
        if (regex.isEmpty() || regex.equals(".*")) {
            return true;
        }
        return !regex.equals(".+") && matches(regex, "");
    }

    /** Whether the anchored regex matches all of {@code value}, as Prometheus's {@code =~} does (false when it does not compile). */
    static boolean matches(String regex, String value) {
        Pattern p = compiled(regex).pattern();
        return p != null && p.matcher(value).matches();
    }
}
