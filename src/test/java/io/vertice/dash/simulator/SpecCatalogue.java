package io.vertice.dash.simulator;

import io.vertice.dash.catalog.MetricType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SPEC §2 written out by hand, independently of the simulator's own constants: the families, their types and
 * their own labels with every value they may take ({@code environment} and {@code service_name} come on top).
 */
final class SpecCatalogue {
    record Expected(MetricType type, Map<String, List<String>> labels) {}

    static final List<String> STATES = List.of("sleep", "drowsy", "relaxed", "alert", "hyperalert");
    static final List<String> TRANSITIONS = List.of(
            "sleep->drowsy",
            "drowsy->sleep",
            "drowsy->relaxed",
            "relaxed->drowsy",
            "relaxed->alert",
            "alert->relaxed",
            "alert->hyperalert",
            "hyperalert->alert");

    static final Map<String, Expected> FAMILIES = families();

    private static Map<String, Expected> families() {
        Map<String, Expected> m = new LinkedHashMap<>();
        m.put("maximus_arousal_level", gauge());
        m.put("maximus_arousal_baseline", gauge());
        m.put("maximus_arousal_state", new Expected(MetricType.GAUGE, Map.of("state", STATES)));
        m.put("maximus_arousal_component_need_ratio", gauge());
        m.put("maximus_arousal_component_stress_ratio", gauge());
        m.put("maximus_arousal_state_seconds", new Expected(MetricType.COUNTER, Map.of("state", STATES)));
        m.put("maximus_arousal_state_transition", new Expected(MetricType.COUNTER, Map.of("transition", TRANSITIONS)));
        m.put(
                "maximus_esgt_ignition_events",
                new Expected(MetricType.COUNTER, Map.of("outcome", List.of("success", "failure"))));
        m.put(
                "maximus_esgt_failure",
                new Expected(
                        MetricType.COUNTER,
                        Map.of(
                                "failure_reason",
                                List.of(
                                        "salience_below_threshold",
                                        "refractory_period",
                                        "insufficient_nodes",
                                        "coherence_not_reached",
                                        "timeout"))));
        m.put("maximus_esgt_success_ratio", gauge());
        m.put("maximus_esgt_coherence", gauge());
        m.put("maximus_esgt_avg_coherence", gauge());
        m.put("maximus_esgt_ignition_coherence", histogram());
        m.put("maximus_esgt_duration_seconds", histogram());
        m.put(
                "maximus_esgt_salience_component",
                new Expected(MetricType.HISTOGRAM, Map.of("component", List.of("novelty", "relevance", "urgency"))));
        m.put("maximus_esgt_participating_nodes", histogram());
        m.put("maximus_tig_nodes_active", gauge());
        m.put("maximus_tig_nodes_configured", gauge());
        m.put("maximus_tig_connectivity_ratio", gauge());
        m.put("maximus_tig_integration_score", gauge());
        m.put("maximus_phi_proxy", gauge());
        m.put(
                "consciousness_event",
                new Expected(
                        MetricType.COUNTER,
                        Map.of(
                                "event_type",
                                List.of(
                                        "esgt_ignition",
                                        "esgt_failure",
                                        "arousal_transition",
                                        "need_spike",
                                        "stress_spike",
                                        "tig_node_down",
                                        "tig_node_up"))));
        return m;
    }

    private static Expected gauge() {
        return new Expected(MetricType.GAUGE, Map.of());
    }

    private static Expected histogram() {
        return new Expected(MetricType.HISTOGRAM, Map.of());
    }

    /** Standard process and JVM families the dashboards use, with their types. */
    static final Map<String, MetricType> STANDARD = Map.of(
            "process_cpu_seconds", MetricType.COUNTER,
            "process_resident_memory_bytes", MetricType.GAUGE,
            "jvm_memory_used_bytes", MetricType.GAUGE);

    private SpecCatalogue() {}
}
