package io.vertice.dash.simulator;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.Label;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.StateSetSnapshot;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricFamily;
import io.vertice.dash.catalog.MetricType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metric catalogue the simulator exposes, in-process and without HTTP: the validation's default
 * catalogue. Built by creating a simulation and collecting its registry once, so it is by construction what a
 * scrape shows. Every label value the simulator can ever produce is already exposed at tick 0 (all series are
 * created up front), so the values listed are all the possible values.
 * <p>
 * The process and JVM families come from the client's instrumentation. Their label values that depend on the
 * JVM running the simulator (memory pool and collector names, versions) are left open (an empty set: any value
 * is plausible), because another JVM or collector exposes other names.
 */
public final class SimulatorCatalog {
    /** Labels of the standard JVM families whose values depend on the JVM and collector in use. */
    private static final Set<String> JVM_DEPENDENT_LABELS =
            Set.of("pool", "gc", "version", "vendor", "runtime", "name", "model", "cause", "action");
    /**
     * Label names of standard families that may have no series yet when the catalogue is built
     * ({@code jvm_memory_pool_allocated_bytes} appears after the first garbage collection).
     */
    private static final Map<String, List<String>> LABELS_OF_LATE_FAMILIES =
            Map.of("jvm_memory_pool_allocated_bytes", List.of("pool"));

    private SimulatorCatalog() {}

    /** The catalogue of the default setup: {@code prod} and {@code staging} of {@code maximus-core} (built once). */
    public static MetricCatalog catalog() {
        return DefaultCatalog.INSTANCE;
    }

    /** Built on first use only; a catalogue is immutable, so one instance serves every caller. */
    private static final class DefaultCatalog {
        static final MetricCatalog INSTANCE = catalog(SimulatorConfig.defaults());
    }

    /** The catalogue of a simulator run with this configuration (environments and services as configured). */
    public static MetricCatalog catalog(SimulatorConfig config) {
        Simulation simulation = new Simulation(config);
        List<MetricFamily> families = new ArrayList<>();
        for (MetricSnapshot s : simulation.registry().scrape()) {
            families.add(family(s, config));
        }
        return MetricCatalog.of(families);
    }

    private static MetricFamily family(MetricSnapshot s, SimulatorConfig config) {
        String name = s.getMetadata().getName();
        boolean own = name.startsWith("maximus_") || name.startsWith("consciousness_");
        Map<String, Set<String>> labels = new LinkedHashMap<>();
        if (s.getDataPoints().isEmpty()) {
            // Every series carries the target labels; the family's own labels are known but not yet their values.
            labels.put(SimulatorMetrics.ENVIRONMENT, new LinkedHashSet<>(config.environments()));
            labels.put(SimulatorMetrics.SERVICE_NAME, new LinkedHashSet<>(config.serviceNames()));
            LABELS_OF_LATE_FAMILIES.getOrDefault(name, List.of()).forEach(l -> labels.put(l, new LinkedHashSet<>()));
        }
        for (DataPointSnapshot p : s.getDataPoints()) {
            for (Label l : p.getLabels()) {
                Set<String> values = labels.computeIfAbsent(l.getName(), k -> new LinkedHashSet<>());
                if (own || !JVM_DEPENDENT_LABELS.contains(l.getName())) {
                    values.add(l.getValue());
                }
            }
            if (s instanceof StateSetSnapshot) {
                // A state set's states are a label named after the metric.
                StateSetSnapshot.StateSetDataPointSnapshot ss = (StateSetSnapshot.StateSetDataPointSnapshot) p;
                for (int i = 0; i < ss.size(); i++) {
                    labels.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(ss.getName(i));
                }
            }
        }
        return new MetricFamily(name, type(s), s.getMetadata().getHelp(), labels);
    }

    private static MetricType type(MetricSnapshot s) {
        if (s instanceof CounterSnapshot) {
            return MetricType.COUNTER;
        }
        if (s instanceof GaugeSnapshot) {
            return MetricType.GAUGE;
        }
        if (s instanceof HistogramSnapshot h) {
            return h.isGaugeHistogram() ? MetricType.GAUGEHISTOGRAM : MetricType.HISTOGRAM;
        }
        if (s instanceof SummarySnapshot) {
            return MetricType.SUMMARY;
        }
        if (s instanceof InfoSnapshot) {
            return MetricType.INFO;
        }
        if (s instanceof StateSetSnapshot) {
            return MetricType.STATESET;
        }
        return MetricType.UNKNOWN;
    }
}
