package io.vertice.dash.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the dashboards being validated ask of a catalogue: the metric names their selectors and variable queries
 * name literally, and per name the labels whose values they match or list. A remote catalogue is built from
 * these alone ({@link PrometheusCatalogSource}), so its cost follows the dashboards, not the server.
 *
 * @param labelsByMetric metric name as written in PromQL to the labels whose values are wanted; sorted
 * @param all          true: every metric and every label value (a small server, or no dashboards to go by)
 */
public record Demand(Map<String, Set<String>> labelsByMetric, boolean all) {

    public Demand {
        Map<String, Set<String>> copy = new TreeMap<>();
        labelsByMetric.forEach((k, v) -> copy.put(k, Collections.unmodifiableSet(new TreeSet<>(v))));
        labelsByMetric = Collections.unmodifiableMap(copy);
    }

    /** Every metric the server has, with every label value: what a catalogue without dashboards holds. */
    public static Demand everything() {
        return new Demand(Map.of(), true);
    }

    /** Collects a demand. */
    public static final class Builder {
        private final Map<String, Set<String>> labels = new TreeMap<>();

        /** A metric named literally by a selector. */
        public Builder metric(String name) {
            labels.computeIfAbsent(name, k -> new TreeSet<>());
            return this;
        }

        /** A label whose values a selector of {@code metric} matches, or a variable lists. */
        public Builder label(String metric, String label) {
            labels.computeIfAbsent(metric, k -> new TreeSet<>()).add(label);
            return this;
        }

        public Demand build() {
            return new Demand(labels, false);
        }
    }
}
