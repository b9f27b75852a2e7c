package io.vertice.dash.catalog;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metrics a system really exposes: families with their types, labels and label values.
 * Lookups go by series name as PromQL writes it ({@code foo_total}, {@code foo_bucket}, ...).
 */
public final class MetricCatalog {

    /** A series name resolved to its family; {@code suffix} is "", "_total", "_bucket", "_sum", "_count", ... */
    public record Series(String name, MetricFamily family, String suffix) {
        /** Labels this series carries: the family's, plus {@code le} on buckets and {@code quantile} on summaries. */
        public Set<String> labelNames() {
            Set<String> names = new LinkedHashSet<>(family.labels().keySet());
            if (suffix.equals("_bucket")) {
                names.add("le");
            }
            if (family.type() == MetricType.SUMMARY && suffix.isEmpty()) {
                names.add("quantile");
            }
            return names;
        }
    }

    private final Map<String, MetricFamily> families;
    private final Map<String, Series> bySeriesName;

    private MetricCatalog(Map<String, MetricFamily> families) {
        this.families = Collections.unmodifiableMap(families);
        Map<String, Series> index = new TreeMap<>();
        for (MetricFamily f : families.values()) {
            for (String series : f.seriesNames()) {
                index.put(
                        series, new Series(series, f, series.substring(f.name().length())));
            }
        }
        this.bySeriesName = Collections.unmodifiableMap(index);
    }

    public static MetricCatalog of(Collection<MetricFamily> families) {
        Map<String, MetricFamily> byName = new TreeMap<>();
        for (MetricFamily f : families) {
            byName.merge(f.name(), f, MetricCatalog::mergeFamilies);
        }
        return new MetricCatalog(byName);
    }

    /** Families by name, sorted by name. */
    public Map<String, MetricFamily> families() {
        return families;
    }

    public Optional<MetricFamily> family(String familyName) {
        return Optional.ofNullable(families.get(familyName));
    }

    /** Resolves a series name as written in PromQL to its family, if the catalogue has it. */
    public Optional<Series> series(String seriesName) {
        return Optional.ofNullable(bySeriesName.get(seriesName));
    }

    /** Every series name of the catalogue, sorted. */
    public Set<String> seriesNames() {
        return bySeriesName.keySet();
    }

    /** This catalogue with another's families added (label values merged where both have a family). */
    public MetricCatalog plus(MetricCatalog other) {
        Map<String, MetricFamily> merged = new LinkedHashMap<>(families);
        other.families.values().forEach(f -> merged.merge(f.name(), f, MetricCatalog::mergeFamilies));
        return of(merged.values());
    }

    private static MetricFamily mergeFamilies(MetricFamily a, MetricFamily b) {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        a.labels().forEach((k, v) -> labels.put(k, new LinkedHashSet<>(v)));
        b.labels()
                .forEach((k, v) -> labels.merge(k, new LinkedHashSet<>(v), (x, y) -> {
                    // unknown values (empty) stay unknown: they do not constrain
                    if (x.isEmpty() || y.isEmpty()) {
                        return new LinkedHashSet<>();
                    }
                    x.addAll(y);
                    return x;
                }));
        MetricType type = a.type() == MetricType.UNKNOWN ? b.type() : a.type();
        String help = a.help().isEmpty() ? b.help() : a.help();
        return new MetricFamily(a.name(), type, help, labels, a.series().isEmpty() ? b.series() : a.series());
    }
}
