package io.vertice.dash.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series Prometheus writes itself: per scraped target ({@code up}, {@code scrape_*}) and for alerting
 * rules ({@code ALERTS}, {@code ALERTS_FOR_STATE}); and the {@code job}/{@code instance} labels it attaches
 * to every scraped series. Catalogues read from an exporter or the simulator see neither, so they are added.
 */
public final class PrometheusAddedSeries {
    /** Per-target series Prometheus records on every scrape. */
    public static final List<String> SCRAPE_SERIES = List.of(
            "up",
            "scrape_duration_seconds",
            "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling",
            "scrape_series_added");
    /** Alerting series; they carry every label of the alerting rule, so their label set is open. */
    public static final List<String> ALERT_SERIES = List.of("ALERTS", "ALERTS_FOR_STATE");
    /** Target labels Prometheus attaches to every scraped series. */
    public static final List<String> TARGET_LABELS = List.of("job", "instance");

    private PrometheusAddedSeries() {}

    /** Whether a series may carry labels the catalogue cannot know (alert rule labels). */
    public static boolean hasOpenLabelSet(String seriesName) {
        return ALERT_SERIES.contains(seriesName);
    }

    /** The synthetic families alone. */
    public static List<MetricFamily> families() {
        List<MetricFamily> out = new ArrayList<>();
        Map<String, Set<String>> target = new LinkedHashMap<>();
        TARGET_LABELS.forEach(l -> target.put(l, Set.of()));
        for (String name : SCRAPE_SERIES) {
            out.add(new MetricFamily(name, MetricType.GAUGE, "Added by Prometheus for every scraped target.", target));
        }
        Map<String, Set<String>> alert = new LinkedHashMap<>();
        alert.put("alertname", Set.of());
        alert.put("alertstate", new LinkedHashSet<>(List.of("pending", "firing")));
        out.add(new MetricFamily("ALERTS", MetricType.GAUGE, "Added by Prometheus for active alerts.", alert));
        out.add(new MetricFamily(
                "ALERTS_FOR_STATE",
                MetricType.GAUGE,
                "Added by Prometheus: when each active alert became active.",
                Map.of("alertname", Set.of())));
        return out;
    }

    /**
     * A scraped view of an exporter's catalogue: every family also carries {@code job} and {@code instance}
     * (values unknown), and the synthetic series are present.
     */
    public static MetricCatalog asScraped(MetricCatalog exposed) {
        List<MetricFamily> out = new ArrayList<>();
        for (MetricFamily f : exposed.families().values()) {
            Map<String, Set<String>> labels = new LinkedHashMap<>(f.labels());
            TARGET_LABELS.forEach(l -> labels.putIfAbsent(l, Set.of()));
            out.add(new MetricFamily(f.name(), f.type(), f.help(), labels));
        }
        return withSynthetic(MetricCatalog.of(out));
    }

    /** The catalogue with the synthetic series added where missing (a Prometheus API already has most). */
    public static MetricCatalog withSynthetic(MetricCatalog catalog) {
        List<MetricFamily> missing = families().stream()
                .filter(f -> catalog.family(f.name()).isEmpty())
                .toList();
        return missing.isEmpty() ? catalog : catalog.plus(MetricCatalog.of(missing));
    }
}
