package io.vertice.dash.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code --prometheus URL}: the catalogue a Prometheus-compatible API (Prometheus, Thanos, Mimir,
 * VictoriaMetrics) holds: metric names from {@code /api/v1/label/__name__/values}, types and help from
 * {@code /api/v1/metadata}, label names and values from {@code /api/v1/series}, asked in batches of names.
 * Only series seen within the lookback (default 1 h) count: a metric that stopped being exposed is gone.
 */
public final class PrometheusCatalogSource implements CatalogSource {
    /** Names per {@code /api/v1/series} call: keeps the URL well under common 8 KiB limits. */
    private static final int URL_BUDGET = 6000;

    private final PrometheusApi api;
    private final Duration lookback;

    public PrometheusCatalogSource(PrometheusApi api) {
        this(api, Duration.ofHours(1));
    }

    public PrometheusCatalogSource(PrometheusApi api, Duration lookback) {
        this.api = api;
        this.lookback = lookback;
    }

    @Override
    public String describe() {
        return api.baseUrl();
    }

    private record Meta(MetricType type, String help) {
    }

    private static final class FamilyBuilder {
        final String name;
        MetricType type;
        String help = "";
        final Map<String, Set<String>> labels = new TreeMap<>();

        FamilyBuilder(String name, MetricType type) {
            this.name = name;
            this.type = type;
        }
    }

    @Override
    public MetricCatalog load() {
        String start = String.valueOf(Instant.now().minus(lookback).getEpochSecond());
        List<String> names = api.labelValues("__name__", start, null);
        Map<String, Meta> meta = metadata(api.metadata());
        Map<String, FamilyBuilder> families = new LinkedHashMap<>();
        for (List<String> batch : batches(names)) {
            List<String> match = batch.stream().map(n -> "{__name__=\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}").toList();
            for (Map<String, String> series : api.series(match, start)) {
                String name = series.get("__name__");
                if (name == null) {
                    continue;
                }
                FamilyBuilder f = familyOf(name, meta, families);
                series.forEach((k, v) -> {
                    if (k.equals("__name__") || (k.equals("le") && name.endsWith("_bucket"))
                            || (k.equals("quantile") && f.type == MetricType.SUMMARY && name.equals(f.name))) {
                        return;
                    }
                    f.labels.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                });
            }
        }
        for (String name : names) {
            familyOf(name, meta, families); // names without series in the window still exist
        }
        List<MetricFamily> out = new ArrayList<>();
        for (FamilyBuilder f : families.values()) {
            Map<String, Set<String>> sorted = new LinkedHashMap<>();
            f.labels.forEach((k, v) -> sorted.put(k, new java.util.TreeSet<>(v)));
            out.add(new MetricFamily(f.name, f.type, f.help, sorted));
        }
        return PrometheusAddedSeries.withSynthetic(MetricCatalog.of(out));
    }

    /** Resolves a series name to its family the way the exposition named it, using the metadata types. */
    private static FamilyBuilder familyOf(String name, Map<String, Meta> meta, Map<String, FamilyBuilder> families) {
        String family = name;
        MetricType type = MetricType.UNKNOWN;
        Meta own = meta.get(name);
        String base = name.endsWith("_total") ? strip(name, "_total") : name;
        if (own != null && own.type() != MetricType.COUNTER) {
            type = own.type();
        } else if (name.endsWith("_total") && isType(meta.get(base), MetricType.COUNTER)) {
            family = base; // OpenMetrics: TYPE names the family without _total
            type = MetricType.COUNTER;
        } else if (name.endsWith("_total") && own != null) {
            family = strip(name, "_total"); // text format: TYPE names the series itself
            type = MetricType.COUNTER;
        } else if (own != null) {
            type = MetricType.UNKNOWN; // a counter without _total: keep the name so lookups find it
        } else {
            for (String suffix : List.of("_bucket", "_sum", "_count")) {
                if (name.endsWith(suffix)) {
                    Meta m = meta.get(strip(name, suffix));
                    if (m != null && (m.type() == MetricType.HISTOGRAM || m.type() == MetricType.GAUGEHISTOGRAM
                            || (m.type() == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
                        family = strip(name, suffix);
                        type = m.type();
                    }
                    break;
                }
            }
        }
        Meta m = meta.get(family) != null ? meta.get(family) : own;
        MetricType finalType = type;
        FamilyBuilder f = families.computeIfAbsent(family, k -> new FamilyBuilder(k, finalType));
        if (m != null && f.help.isEmpty()) {
            f.help = m.help();
        }
        return f;
    }

    private static boolean isType(Meta m, MetricType type) {
        return m != null && m.type() == type;
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static Map<String, Meta> metadata(JsonNode data) {
        Map<String, Meta> out = new LinkedHashMap<>();
        data.properties().forEach(e -> {
            JsonNode first = e.getValue().path(0);
            out.put(e.getKey(), new Meta(MetricType.parse(first.path("type").asText("unknown")), first.path("help").asText("")));
        });
        return out;
    }

    private static List<List<String>> batches(List<String> names) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String n : names) {
            int cost = n.length() * 3 + 30; // URL-encoded selector
            if (!current.isEmpty() && size + cost > URL_BUDGET) {
                out.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(n);
            size += cost;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
