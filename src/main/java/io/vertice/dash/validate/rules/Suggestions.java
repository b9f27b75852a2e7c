package io.vertice.dash.validate.rules;

import io.vertice.dash.catalog.MetricCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/** "Did you mean": the closest known name by edit distance, when it is close enough to be a typo. */
final class Suggestions {
    private Suggestions() {}

    /** Typos are a few edits; a larger cap would only suggest unrelated names (and cost more). */
    private static final int MAX_EDITS = 3;

    /** Per catalogue (weakly held): names by "one token masked" key, and earlier answers. */
    private static final Map<MetricCatalog, Index> INDEXES = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Typos sit inside one {@code _}-separated token ({@code levle}, {@code totl}) or drop a suffix
     * ({@code _total}); so candidates are the names equal to the wanted one but for one token, plus the
     * suffixed forms. That keeps the search small on catalogues of tens of thousands of names.
     */
    private static final class Index {
        final Map<String, List<String>> byMaskedToken = new HashMap<>();
        final Map<String, Optional<String>> answers = new ConcurrentHashMap<>();
        final MetricCatalog catalog;

        Index(MetricCatalog catalog) {
            this.catalog = catalog;
            for (String name : catalog.seriesNames()) {
                for (String key : masks(name)) {
                    byMaskedToken.computeIfAbsent(key, k -> new ArrayList<>()).add(name);
                }
            }
        }

        String search(String wanted) {
            for (String suffix : List.of("_total", "_bucket", "_count", "_sum")) {
                if (catalog.series(wanted + suffix).isPresent()) {
                    return wanted + suffix;
                }
            }
            Set<String> candidates = new TreeSet<>();
            for (String key : masks(wanted)) {
                candidates.addAll(byMaskedToken.getOrDefault(key, List.of()));
            }
            int limit = Math.min(MAX_EDITS, Math.max(1, wanted.length() / 5));
            String best = null;
            int bestDistance = limit + 1;
            for (String k : candidates) {
                if (Math.abs(k.length() - wanted.length()) >= bestDistance) {
                    continue;
                }
                int d = distance(wanted, k, bestDistance);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = k;
                }
            }
            return best;
        }
    }

    private static List<String> masks(String name) {
        String[] tokens = name.split("_", -1);
        List<String> out = new ArrayList<>(tokens.length);
        for (int i = 0; i < tokens.length; i++) {
            StringBuilder b = new StringBuilder(name.length());
            for (int j = 0; j < tokens.length; j++) {
                b.append(j == 0 ? "" : "_").append(j == i ? "\u0000" : tokens[j]);
            }
            out.add(b.toString());
        }
        return out;
    }

    /** The catalogue's series name closest to {@code wanted}, or null when none is a likely typo. */
    static String closest(String wanted, MetricCatalog catalog) {
        Index index = INDEXES.computeIfAbsent(catalog, Index::new);
        return index.answers
                .computeIfAbsent(wanted, w -> Optional.ofNullable(index.search(w)))
                .orElse(null);
    }

    /**
     * Levenshtein distance within a diagonal band of width {@code cap} (Ukkonen): cells farther from the
     * diagonal cannot give a distance below the cap. Returns {@code cap} as soon as no path stays below it.
     */
    private static int distance(String a, String b, int cap) {
        int n = a.length();
        int m = b.length();
        int big = cap + 1;
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j <= cap ? j : big;
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - cap);
            int to = Math.min(m, i + cap);
            cur[0] = i <= cap ? i : big;
            if (from > 1) {
                cur[from - 1] = big;
            }
            int rowMin = cur[0];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                cur[j] = Math.min(v, big);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < m) {
                cur[to + 1] = big;
            }
            if (rowMin >= cap) {
                return cap;
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return Math.min(prev[m], cap);
    }
}
