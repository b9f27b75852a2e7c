package io.vertice.dash.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.DashException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code --prometheus URL}: the catalogue a Prometheus-compatible API (Prometheus, Thanos, Mimir, VictoriaMetrics)
 * holds about what the dashboards reference ({@link Demand}), never the whole TSDB (SPEC §6):
 * <ol>
 *   <li>which of the referenced names, and their family siblings ({@code _total}, {@code _bucket}/{@code _sum}/
 *       {@code _count}), have series: {@code /api/v1/label/__name__/values} with a {@code match[]} naming them;</li>
 *   <li>their types and help: {@code /api/v1/metadata};</li>
 *   <li>per family, its label names: {@code /api/v1/labels} with {@code match[]} (POST);</li>
 *   <li>per family, the values of the labels the dashboards match or list:
 *       {@code /api/v1/label/<name>/values} with {@code match[]}.</li>
 * </ol>
 * Every request is limited to the lookback window (default 1 h: a metric that stopped being exposed is gone),
 * requests 3 and 4 run {@code parallel} at a time, and GET URLs stay under {@value #URL_BUDGET} characters.
 * The whole list of metric names is read only when a referenced name is missing, to suggest the closest one.
 *
 * <p>Where the server's metadata says nothing (VictoriaMetrics), types are inferred from the series themselves:
 * {@code X_bucket} with {@code le} beside {@code X_count} or {@code X_sum} is a histogram, {@code X} with
 * {@code quantile} beside them a summary, {@code X_total} a counter; anything else stays {@link MetricType#UNKNOWN},
 * which type-dependent rules read as "type unknown".
 */
public final class PrometheusCatalogSource implements CatalogSource {
    /** Characters of encoded selectors per GET: well under the common 8 KiB request-line limits. */
    static final int URL_BUDGET = 6000;

    private static final List<String> HISTOGRAM_SUFFIXES = List.of("_bucket", "_sum", "_count");

    private final PrometheusApi api;
    private final Duration lookback;
    private final Demand demand;
    private final int parallel;

    /** Everything the server has (small servers and tests). */
    public PrometheusCatalogSource(PrometheusApi api) {
        this(api, Duration.ofHours(1), Demand.everything(), 4);
    }

    /**
     * @param demand   what the dashboards reference
     * @param parallel requests in flight at once
     */
    public PrometheusCatalogSource(PrometheusApi api, Duration lookback, Demand demand, int parallel) {
        this.api = api;
        this.lookback = lookback;
        this.demand = demand;
        this.parallel = parallel;
    }

    @Override
    public String describe() {
        return api.baseUrl();
    }

    private record Meta(MetricType type, String help) {}

    /** A family being assembled: its name, type, the series names it has on the server. */
    private static final class Group {
        final String name;
        MetricType type;
        String help = "";
        /** The type comes from the series' shape, not from the server's metadata: their labels may refute it. */
        boolean byShape;

        final Set<String> series = new TreeSet<>();
        Set<String> labelNames = Set.of();
        final Map<String, Set<String>> values = new TreeMap<>();

        Group(String name, MetricType type) {
            this.name = name;
            this.type = type;
        }
    }

    @Override
    public MetricCatalog load() {
        String start = String.valueOf(Instant.now().minus(lookback).getEpochSecond());
        Set<String> present = demand.all() ? new TreeSet<>(api.labelValues("__name__", start, null)) : present(start);
        Map<String, Meta> meta = metadata(api.metadata());
        Map<String, Group> groups = group(present, meta);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, groups.size())), r -> {
            Thread t = new Thread(r, "dash-catalogue");
            t.setDaemon(true);
            return t;
        });
        try {
            forEach(pool, groups.values(), g -> g.labelNames = new TreeSet<>(labelNames(g, start)));
            inferFromLabels(groups);
            List<Runnable> valueCalls = new ArrayList<>();
            for (Group g : groups.values()) {
                for (String label : wantedLabels(g)) {
                    Set<String> values = new TreeSet<>();
                    g.values.put(label, values);
                    valueCalls.add(() -> values.addAll(api.labelValues(label, start, selectors(g.series))));
                }
            }
            forEach(pool, valueCalls, Runnable::run);
        } finally {
            pool.shutdownNow();
        }
        List<MetricFamily> out = new ArrayList<>();
        for (Group g : groups.values()) {
            out.add(family(g));
        }
        if (!demand.all() && !present.containsAll(demand.labelsByMetric().keySet())) {
            // a referenced name is missing: the names the server has let the rule suggest the closest one
            for (String name : api.labelValues("__name__", start, null)) {
                if (!present.contains(name)) {
                    out.add(new MetricFamily(name, MetricType.UNKNOWN, "", Map.of(), List.of(name)));
                }
            }
        }
        return PrometheusAddedSeries.withSynthetic(MetricCatalog.of(out));
    }

    /** Which referenced names and their family siblings have series in the window. */
    private Set<String> present(String start) {
        Set<String> candidates = new TreeSet<>();
        for (String name : demand.labelsByMetric().keySet()) {
            candidates.addAll(siblings(name));
        }
        Set<String> out = new TreeSet<>();
        for (List<String> batch : batches(candidates)) {
            String regex = String.join(
                    "|", batch.stream().map(PrometheusCatalogSource::regexQuote).toList());
            out.addAll(api.labelValues("__name__", start, List.of("{__name__=~\"" + regex + "\"}")));
        }
        out.retainAll(candidates);
        return out;
    }

    /** A name, and the names of its family's other series (and the suffixed forms a typo suggestion may need). */
    static Set<String> siblings(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(name);
        String base = name;
        if (name.endsWith("_total")) {
            base = strip(name, "_total");
        }
        for (String suffix : HISTOGRAM_SUFFIXES) {
            if (name.endsWith(suffix)) {
                base = strip(name, suffix);
            }
        }
        out.add(base);
        out.add(base + "_total");
        for (String suffix : HISTOGRAM_SUFFIXES) {
            out.add(base + suffix);
        }
        return out;
    }

    /** Groups the present series names into families: by the server's metadata, else by what their names show. */
    private static Map<String, Group> group(Set<String> present, Map<String, Meta> meta) {
        Map<String, Group> groups = new TreeMap<>();
        for (String name : present) {
            String family = name;
            MetricType type = MetricType.UNKNOWN;
            boolean byShape = false;
            Meta own = meta.get(name);
            if (own != null && own.type() != MetricType.COUNTER) {
                type = own.type();
            } else if (name.endsWith("_total")) {
                // TYPE names the family without _total (OpenMetrics) or the series (text format); without any
                // metadata the suffix is the convention. A series X beside X_total (the Go client's gauge
                // go_memstats_alloc_bytes and counter go_memstats_alloc_bytes_total) keeps them apart.
                type = MetricType.COUNTER;
                if (!present.contains(strip(name, "_total"))) {
                    family = strip(name, "_total");
                }
            } else if (own != null) {
                type = own.type(); // a counter without _total (older exporters): its family lists the name as it is
            } else {
                for (String suffix : HISTOGRAM_SUFFIXES) {
                    if (name.endsWith(suffix)) {
                        String base = strip(name, suffix);
                        Meta m = meta.get(base);
                        if (m != null
                                && (m.type() == MetricType.HISTOGRAM
                                        || m.type() == MetricType.GAUGEHISTOGRAM
                                        || (m.type() == MetricType.SUMMARY && !suffix.equals("_bucket")))) {
                            family = base;
                            type = m.type();
                        } else if (m == null
                                && !present.contains(base)
                                && present.contains(base + "_bucket")
                                && (present.contains(base + "_count") || present.contains(base + "_sum"))) {
                            family = base; // a histogram by its shape; confirmed by le on the buckets below
                            type = MetricType.HISTOGRAM;
                            byShape = true;
                        } else if (m == null
                                && !suffix.equals("_bucket")
                                && present.contains(base)
                                && present.contains(base + "_count")
                                && present.contains(base + "_sum")) {
                            family = base; // X, X_sum and X_count: a summary when X has quantile (checked below)
                            type = MetricType.SUMMARY;
                            byShape = true;
                        }
                        break;
                    }
                }
            }
            Meta m = meta.get(family) != null ? meta.get(family) : own;
            MetricType finalType = type;
            Group g = groups.computeIfAbsent(family, k -> new Group(k, finalType));
            if (g.type == MetricType.UNKNOWN && finalType == MetricType.SUMMARY) {
                g.type = MetricType.SUMMARY; // X sorts before its siblings, which tell what it is
            }
            g.byShape |= byShape;
            if (m != null && g.help.isEmpty()) {
                g.help = m.help();
            }
            g.series.add(name);
        }
        return groups;
    }

    /** Shapes that the labels refute: buckets without le, a "summary" whose X has no quantile. */
    private static void inferFromLabels(Map<String, Group> groups) {
        for (Group g : new ArrayList<>(groups.values())) {
            boolean refuted = g.byShape
                    && ((g.type == MetricType.HISTOGRAM && !g.labelNames.contains("le"))
                            || (g.type == MetricType.SUMMARY && !g.labelNames.contains("quantile")));
            if (refuted) {
                groups.remove(g.name);
                for (String s : g.series) {
                    Group alone = new Group(s, MetricType.UNKNOWN);
                    alone.series.add(s);
                    alone.labelNames = g.labelNames;
                    groups.put(s, alone);
                }
            }
        }
    }

    private List<String> labelNames(Group g, String start) {
        return api.labelNames(selectors(g.series), start);
    }

    /** The labels whose values the dashboards need: those they match or list on any series of the family. */
    private Set<String> wantedLabels(Group g) {
        Set<String> out = new TreeSet<>();
        for (String label : g.labelNames) {
            if (label.equals("__name__") || implicitLabel(g, label)) {
                continue;
            }
            if (demand.all()
                    || g.series.stream().anyMatch(s -> demand.labelsByMetric()
                            .getOrDefault(s, Set.of())
                            .contains(label))) {
                out.add(label);
            }
        }
        return out;
    }

    /** le on a histogram's buckets and quantile on a summary belong to the series names, not the family. */
    private static boolean implicitLabel(Group g, String label) {
        return (label.equals("le") && (g.type == MetricType.HISTOGRAM || g.type == MetricType.GAUGEHISTOGRAM))
                || (label.equals("quantile") && g.type == MetricType.SUMMARY);
    }

    private static MetricFamily family(Group g) {
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        for (String label : new TreeSet<>(g.labelNames)) {
            if (!label.equals("__name__") && !implicitLabel(g, label)) {
                labels.put(label, g.values.getOrDefault(label, Set.of())); // not asked: any value is plausible
            }
        }
        MetricFamily plain = new MetricFamily(g.name, g.type, g.help, labels);
        // a family whose series are not what its type implies (X_total beside a gauge X) lists them
        return plain.seriesNames().containsAll(g.series)
                ? plain
                : new MetricFamily(g.name, g.type, g.help, labels, List.copyOf(g.series));
    }

    private static List<String> selectors(Set<String> names) {
        return names.stream()
                .map(n -> "{__name__=\"" + n.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}")
                .toList();
    }

    private static String regexQuote(String name) {
        return name.replaceAll("([\\\\^$*+?.()|{}\\[\\]])", "\\\\$1");
    }

    private static <T> void forEach(ExecutorService pool, Iterable<T> items, java.util.function.Consumer<T> call) {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(pool.submit(() -> call.accept(item)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DashException.remote("interrupted while reading the catalogue of " + "Prometheus.");
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String strip(String name, String suffix) {
        return name.substring(0, name.length() - suffix.length());
    }

    private static Map<String, Meta> metadata(JsonNode data) {
        Map<String, Meta> out = new LinkedHashMap<>();
        data.properties().forEach(e -> {
            JsonNode first = e.getValue().path(0);
            MetricType type = MetricType.parse(first.path("type").asText("unknown"));
            if (type != MetricType.UNKNOWN) {
                out.put(e.getKey(), new Meta(type, first.path("help").asText("")));
            }
        });
        return out;
    }

    /** Names in batches whose regex alternation stays within the URL budget once encoded. */
    static List<List<String>> batches(Iterable<String> names) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int size = 0;
        for (String n : names) {
            int cost = n.length() * 3 + 3; // URL-encoded, with its '|'
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
