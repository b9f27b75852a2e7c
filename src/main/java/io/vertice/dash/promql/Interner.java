package io.vertice.dash.promql;

/**
 * A per-thread cache of short strings cut from parsed text (metric and label names, label values,
 * variable names). Dashboards repeat the same few names, so most lookups allocate nothing. A slot
 * holds the last string hashed to it; a collision only costs a fresh substring.
 */
final class Interner {
    private static final int SLOTS = 1024;
    private static final int MAX_LENGTH = 64;
    private static final ThreadLocal<String[]> CACHE = ThreadLocal.withInitial(() -> new String[SLOTS]);

    private Interner() {
    }

    /** {@code source.substring(from, to)} ({@code chars} holds the same characters), shared with an earlier equal string when short. */
    static String substring(String source, char[] chars, int from, int to) {
        int len = to - from;
        if (len > MAX_LENGTH) {
            return source.substring(from, to);
        }
        int h = len;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        String[] names = CACHE.get();
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        String cached = names[slot];
        if (cached != null && cached.length() == len && cached.regionMatches(0, source, from, len)) {
            return cached;
        }
        String fresh = source.substring(from, to);
        names[slot] = fresh;
        return fresh;
    }
}
