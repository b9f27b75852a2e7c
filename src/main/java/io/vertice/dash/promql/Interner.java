package io.vertice.dash.promql;

/**
 * A per-thread cache of short strings cut from parsed text (metric and label names, label values,
 * variable names). Dashboards repeat the same few names, so most lookups allocate nothing. A slot
 * holds the last string hashed to it; a collision only costs a fresh substring.
 */
final class Interner {
    private static final int SLOTS = 1024;
    private static final int MAX_LENGTH = 64;
    private static final ThreadLocal<Interner> CURRENT = ThreadLocal.withInitial(Interner::new);

    private final String[] slots = new String[SLOTS];
    /** The hash of each slot's string: most mismatches are rejected without reading characters. */
    private final int[] hashes = new int[SLOTS];

    private Interner() {}

    /** This thread's interner (a lexer takes it once, not per string). */
    static Interner current() {
        return CURRENT.get();
    }

    /**
     * {@code source.substring(from, to)} ({@code chars} holds the same characters), shared with an earlier
     * equal string when short. The names are short: a plain loop compares them faster than
     * {@code Arrays.equals} on a copy of each slot's characters did (measured, and it copied on every miss).
     */
    String substring(String source, char[] chars, int from, int to) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return source.substring(from, to);
        }
        int h = len;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = slots[slot];
        if (cached != null && hashes[slot] == h && cached.length() == len && sameChars(cached, chars, from)) {
            return cached;
        }
        String fresh = source.substring(from, to);
        slots[slot] = fresh;
        hashes[slot] = h;
        return fresh;
    }

    private static boolean sameChars(String cached, char[] chars, int from) {
        for (int i = 0; i < cached.length(); i++) {
            if (cached.charAt(i) != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
