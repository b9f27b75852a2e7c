package io.vertice.dash.promql;

import java.util.Arrays;

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
    /** The characters of each slot's string, compared with the input by the (vectorised) Arrays.equals. */
    private final char[][] slotChars = new char[SLOTS][];

    private Interner() {
    }

    /** This thread's interner (a lexer takes it once, not per string). */
    static Interner current() {
        return CURRENT.get();
    }

    /** {@code source.substring(from, to)} ({@code chars} holds the same characters), shared with an earlier equal string when short. */
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
        char[] cached = slotChars[slot];
        if (cached != null && Arrays.equals(cached, 0, cached.length, chars, from, to)) {
            return slots[slot];
        }
        String fresh = source.substring(from, to);
        slots[slot] = fresh;
        slotChars[slot] = Arrays.copyOfRange(chars, from, to);
        return fresh;
    }
}
