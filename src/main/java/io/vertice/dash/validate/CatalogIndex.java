package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import java.util.Collections;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers about the catalogue that many queries ask again (a series' label names, whether a label's known
 * values match a regex), computed once per validation run. Thread-safe: dashboards are checked in parallel.
 */
public final class CatalogIndex {
    private final MetricCatalog catalog;
    private final ConcurrentHashMap<String, Set<String>> labelNames = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Boolean> answers = new ConcurrentHashMap<>();

    public CatalogIndex(MetricCatalog catalog) {
        this.catalog = catalog;
    }

    public MetricCatalog catalog() {
        return catalog;
    }

    /** {@link MetricCatalog.Series#labelNames()}, unmodifiable and shared. */
    public Set<String> labelNames(MetricCatalog.Series series) {
        return labelNames.computeIfAbsent(series.name(), n -> Collections.unmodifiableSet(series.labelNames()));
    }

    /** A yes/no answer remembered under {@code key} (callers make keys unique, e.g. "series\0label\0regex"). */
    public boolean remember(String key, Supplier<Boolean> compute) {
        Boolean known = answers.get(key);
        if (known == null) {
            known = compute.get();
            if (answers.size() < 100_000) {
                answers.put(key, known);
            }
        }
        return known;
    }
}
