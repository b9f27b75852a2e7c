package io.vertice.dash.simulator;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.datapoints.GaugeDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertice.dash.simulator.SimulatorConfig.Target;
import io.vertice.dash.simulator.Vocabulary.EventType;
import io.vertice.dash.simulator.Vocabulary.FailureReason;
import io.vertice.dash.simulator.Vocabulary.SalienceComponent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric families of SPEC §2, defined once with the Prometheus client and registered in one registry.
 * {@link #forTarget(Target)} creates every series of one environment and service up front, so each label
 * value is exposed from the first scrape (a series that appears late breaks {@code rate()}).
 */
final class SimulatorMetrics {
    static final String ENVIRONMENT = "environment";
    static final String SERVICE_NAME = "service_name";

    static final double[] UNIT_BUCKETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
    static final double[] DURATION_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};
    static final double[] NODE_BUCKETS = {1, 2, 4, 8, 16, 32, 64};

    private final Gauge arousalLevel;
    private final Gauge arousalBaseline;
    private final Gauge arousalState;
    private final Gauge needRatio;
    private final Gauge stressRatio;
    private final Counter stateSeconds;
    private final Counter stateTransitions;
    private final Counter ignitionEvents;
    private final Counter failures;
    private final Gauge successRatio;
    private final Gauge coherence;
    private final Gauge avgCoherence;
    private final Histogram ignitionCoherence;
    private final Histogram duration;
    private final Histogram salienceComponent;
    private final Histogram participatingNodes;
    private final Gauge nodesActive;
    private final Gauge nodesConfigured;
    private final Gauge connectivity;
    private final Gauge integration;
    private final Gauge phiProxy;
    private final Counter events;

    SimulatorMetrics(PrometheusRegistry registry) {
        arousalLevel = gauge(registry, "maximus_arousal_level", "Current arousal level, 0..1.");
        arousalBaseline = gauge(registry, "maximus_arousal_baseline", "Baseline arousal the level reverts to.");
        arousalState = gauge(
                registry,
                "maximus_arousal_state",
                "Arousal class: 1 for the current class, 0 for the others.",
                "state");
        needRatio = gauge(
                registry,
                "maximus_arousal_component_need_ratio",
                "Share of the deviation from baseline driven by needs, 0..1.");
        stressRatio = gauge(
                registry,
                "maximus_arousal_component_stress_ratio",
                "Share of the deviation from baseline driven by stress, 0..1 (need + stress = 1).");
        stateSeconds =
                counter(registry, "maximus_arousal_state_seconds", "Seconds spent in each arousal class.", "state");
        stateTransitions = counter(
                registry,
                "maximus_arousal_state_transition",
                "Arousal class changes, labelled from->to.",
                "transition");
        ignitionEvents =
                counter(registry, "maximus_esgt_ignition_events", "ESGT ignition attempts by outcome.", "outcome");
        failures = counter(registry, "maximus_esgt_failure", "Failed ESGT ignitions by reason.", "failure_reason");
        successRatio = gauge(registry, "maximus_esgt_success_ratio", "ESGT ignition success ratio over the last 60 s.");
        coherence = gauge(registry, "maximus_esgt_coherence", "Coherence reached by the last ignition, 0..1.");
        avgCoherence = gauge(registry, "maximus_esgt_avg_coherence", "Mean ignition coherence over the last 60 s.");
        ignitionCoherence = histogram(
                registry, "maximus_esgt_ignition_coherence", "Coherence reached per ignition, 0..1.", UNIT_BUCKETS);
        duration = histogram(
                registry, "maximus_esgt_duration_seconds", "ESGT ignition duration in seconds.", DURATION_BUCKETS);
        salienceComponent = histogram(
                registry,
                "maximus_esgt_salience_component",
                "Salience of each component per ignition attempt, 0..1.",
                UNIT_BUCKETS,
                "component");
        participatingNodes = histogram(
                registry,
                "maximus_esgt_participating_nodes",
                "TIG nodes recruited per ignition attempt.",
                NODE_BUCKETS);
        nodesActive = gauge(registry, "maximus_tig_nodes_active", "TIG nodes up.");
        nodesConfigured = gauge(registry, "maximus_tig_nodes_configured", "TIG nodes configured.");
        connectivity = gauge(registry, "maximus_tig_connectivity_ratio", "Live TIG edges over configured edges, 0..1.");
        integration = gauge(registry, "maximus_tig_integration_score", "TIG integration score, 0..1.");
        phiProxy = gauge(registry, "maximus_phi_proxy", "Phi proxy, 0..1: the system health signal.");
        events = counter(registry, "consciousness_event", "Consciousness events by type.", "event_type");
    }

    private static String[] labelNames(String... extra) {
        String[] names = new String[2 + extra.length];
        names[0] = ENVIRONMENT;
        names[1] = SERVICE_NAME;
        System.arraycopy(extra, 0, names, 2, extra.length);
        return names;
    }

    private static Gauge gauge(PrometheusRegistry registry, String name, String help, String... labels) {
        return Gauge.builder()
                .name(name)
                .help(help)
                .labelNames(labelNames(labels))
                .register(registry);
    }

    private static Counter counter(PrometheusRegistry registry, String name, String help, String... labels) {
        return Counter.builder()
                .name(name)
                .help(help)
                .labelNames(labelNames(labels))
                .withoutExemplars()
                .register(registry);
    }

    private static Histogram histogram(
            PrometheusRegistry registry, String name, String help, double[] buckets, String... labels) {
        return Histogram.builder()
                .name(name)
                .help(help)
                .labelNames(labelNames(labels))
                .classicOnly()
                .classicUpperBounds(buckets)
                .withoutExemplars()
                .register(registry);
    }

    /** Every series of one target, created now; the models write through these handles (no lookups per tick). */
    Handles forTarget(Target t) {
        return new Handles(t.environment(), t.service());
    }

    /** The data points of one environment and service. */
    final class Handles {
        final GaugeDataPoint arousalLevel;
        final GaugeDataPoint arousalBaseline;
        final Map<ArousalClass, GaugeDataPoint> arousalState = new EnumMap<>(ArousalClass.class);
        final GaugeDataPoint needRatio;
        final GaugeDataPoint stressRatio;
        final Map<ArousalClass, CounterDataPoint> stateSeconds = new EnumMap<>(ArousalClass.class);
        final Map<String, CounterDataPoint> transitions = new LinkedHashMap<>();
        final CounterDataPoint ignitionSuccess;
        final CounterDataPoint ignitionFailure;
        final Map<FailureReason, CounterDataPoint> failures = new EnumMap<>(FailureReason.class);
        final GaugeDataPoint successRatio;
        final GaugeDataPoint coherence;
        final GaugeDataPoint avgCoherence;
        final DistributionDataPoint ignitionCoherence;
        final DistributionDataPoint duration;
        final Map<SalienceComponent, DistributionDataPoint> salience = new EnumMap<>(SalienceComponent.class);
        final DistributionDataPoint participatingNodes;
        final GaugeDataPoint nodesActive;
        final GaugeDataPoint nodesConfigured;
        final GaugeDataPoint connectivity;
        final GaugeDataPoint integration;
        final GaugeDataPoint phiProxy;
        final Map<EventType, CounterDataPoint> events = new EnumMap<>(EventType.class);

        private Handles(String env, String service) {
            SimulatorMetrics m = SimulatorMetrics.this;
            arousalLevel = m.arousalLevel.labelValues(env, service);
            arousalBaseline = m.arousalBaseline.labelValues(env, service);
            needRatio = m.needRatio.labelValues(env, service);
            stressRatio = m.stressRatio.labelValues(env, service);
            for (ArousalClass c : ArousalClass.values()) {
                arousalState.put(c, m.arousalState.labelValues(env, service, c.label()));
                stateSeconds.put(c, m.stateSeconds.labelValues(env, service, c.label()));
            }
            for (String transition : ArousalClass.possibleTransitions()) {
                transitions.put(transition, m.stateTransitions.labelValues(env, service, transition));
            }
            ignitionSuccess = m.ignitionEvents.labelValues(env, service, Vocabulary.OUTCOME_SUCCESS);
            ignitionFailure = m.ignitionEvents.labelValues(env, service, Vocabulary.OUTCOME_FAILURE);
            for (FailureReason r : FailureReason.values()) {
                failures.put(r, m.failures.labelValues(env, service, r.label()));
            }
            successRatio = m.successRatio.labelValues(env, service);
            coherence = m.coherence.labelValues(env, service);
            avgCoherence = m.avgCoherence.labelValues(env, service);
            ignitionCoherence = m.ignitionCoherence.labelValues(env, service);
            duration = m.duration.labelValues(env, service);
            for (SalienceComponent c : SalienceComponent.values()) {
                salience.put(c, m.salienceComponent.labelValues(env, service, c.label()));
            }
            participatingNodes = m.participatingNodes.labelValues(env, service);
            nodesActive = m.nodesActive.labelValues(env, service);
            nodesConfigured = m.nodesConfigured.labelValues(env, service);
            connectivity = m.connectivity.labelValues(env, service);
            integration = m.integration.labelValues(env, service);
            phiProxy = m.phiProxy.labelValues(env, service);
            for (EventType e : EventType.values()) {
                events.put(e, m.events.labelValues(env, service, e.label()));
            }
        }

        void event(EventType type) {
            events.get(type).inc();
        }
    }
}
