package io.vertice.dash.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One metric family of a catalogue.
 *
 * @param name   the family name as OpenMetrics spells it: a counter without its {@code _total},
 *               a histogram without {@code _bucket}/{@code _sum}/{@code _count}
 * @param type   its type
 * @param help   its help text ("" when unknown)
 * @param labels label name to the values it is known to take, in a stable order; an empty set means
 *               the values are not known (any value is plausible)
 * @param series the series names it exposes when they differ from what its type implies (an older
 *               exporter's counter {@code foo} without {@code _total}); empty: implied by the type
 */
public record MetricFamily(
        String name, MetricType type, String help, Map<String, Set<String>> labels, List<String> series) {

    /** A family whose series names follow from its type. */
    public MetricFamily(String name, MetricType type, String help, Map<String, Set<String>> labels) {
        this(name, type, help, labels, List.of());
    }

    public MetricFamily {
        series = List.copyOf(series);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        help = help == null ? "" : help;
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        labels.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(v))));
        labels = Collections.unmodifiableMap(copy);
    }

    /** The series names this family exposes, as they appear in PromQL. */
    public List<String> seriesNames() {
        if (!series.isEmpty()) {
            return series;
        }
        return switch (type) {
            case COUNTER -> List.of(name + "_total");
            case HISTOGRAM, GAUGEHISTOGRAM -> List.of(name + "_bucket", name + "_sum", name + "_count");
            case SUMMARY -> List.of(name, name + "_sum", name + "_count");
            case INFO -> List.of(name + "_info");
            default -> List.of(name);
        };
    }
}
