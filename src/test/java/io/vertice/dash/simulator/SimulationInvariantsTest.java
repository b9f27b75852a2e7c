package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertice.dash.catalog.Exposition;
import io.vertice.dash.catalog.Exposition.Sample;
import io.vertice.dash.catalog.MetricType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand ticks of the default setup, read through the exposition every 25 ticks (the same text the
 * HTTP server sends): the invariants an SRE relies on when reading the dashboards.
 */
class SimulationInvariantsTest {
    private static final int TICKS = 10_000;
    private static final int EVERY = 25;
    private static final List<String> ENVIRONMENTS = List.of("prod", "staging");
    private static final Set<String> CLASSES = Set.copyOf(SpecCatalogue.STATES);

    /** Every exposition taken, in order. */
    private static final List<Exposition> snapshots = new ArrayList<>();

    @BeforeAll
    static void run() {
        Simulation simulation = new Simulation(SimulatorConfig.defaults());
        snapshots.add(parse(simulation));
        for (int i = 0; i < TICKS / EVERY; i++) {
            simulation.step(EVERY);
            snapshots.add(parse(simulation));
        }
        assertThat(simulation.ticks()).isEqualTo(TICKS);
    }

    private static Exposition parse(Simulation s) {
        return Exposition.parse(s.exposition(n -> n.startsWith("maximus_") || n.startsWith("consciousness_")));
    }

    @Test
    void levelStaysWithinItsBoundsAndExactlyOneClassIsSetAndMatchesIt() {
        for (Exposition e : snapshots) {
            for (String env : ENVIRONMENTS) {
                double level = value(e, "maximus_arousal_level", Map.of("environment", env));
                assertThat(level).isBetween(0.1, 0.95);
                List<Sample> set = samples(e, "maximus_arousal_state", Map.of("environment", env)).stream()
                        .filter(s -> s.value() == 1.0)
                        .toList();
                assertThat(set).hasSize(1);
                assertThat(set.get(0).labels().get("state")).isEqualTo(expectedClass(level));
                assertThat(samples(e, "maximus_arousal_state", Map.of("environment", env)))
                        .allSatisfy(s -> assertThat(s.value()).isIn(0.0, 1.0));
            }
        }
    }

    @Test
    void needAndStressRatiosAddUpToOne() {
        for (Exposition e : snapshots) {
            for (String env : ENVIRONMENTS) {
                double need = value(e, "maximus_arousal_component_need_ratio", Map.of("environment", env));
                double stress = value(e, "maximus_arousal_component_stress_ratio", Map.of("environment", env));
                assertThat(need).isBetween(0.0, 1.0);
                assertThat(need + stress).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void ratiosAndFabricGaugesStayInTheirRanges() {
        for (Exposition e : snapshots) {
            for (String name : List.of(
                    "maximus_esgt_success_ratio",
                    "maximus_esgt_coherence",
                    "maximus_esgt_avg_coherence",
                    "maximus_tig_connectivity_ratio",
                    "maximus_tig_integration_score",
                    "maximus_phi_proxy")) {
                assertThat(e.family(name).samples())
                        .allSatisfy(s -> assertThat(s.value()).as(name).isBetween(0.0, 1.0));
            }
            assertThat(e.family("maximus_tig_nodes_active").samples())
                    .allSatisfy(s -> assertThat(s.value()).isBetween(0.0, 32.0));
            assertThat(e.family("maximus_tig_nodes_configured").samples())
                    .allSatisfy(s -> assertThat(s.value()).isEqualTo(32.0));
        }
    }

    @Test
    void countersNeverGoDown() {
        for (int i = 1; i < snapshots.size(); i++) {
            Map<String, Double> before = counterValues(snapshots.get(i - 1));
            Map<String, Double> after = counterValues(snapshots.get(i));
            assertThat(after.keySet()).isEqualTo(before.keySet());
            for (var entry : before.entrySet()) {
                assertThat(after.get(entry.getKey())).as(entry.getKey()).isGreaterThanOrEqualTo(entry.getValue());
            }
        }
    }

    @Test
    void histogramBucketsAreCumulativeAndInfEqualsCount() {
        for (Exposition e : snapshots) {
            for (Exposition.Family f : e.families()) {
                if (f.type() != MetricType.HISTOGRAM) {
                    continue;
                }
                Map<Map<String, String>, List<Sample>> buckets = f.samples().stream()
                        .filter(s -> s.name().endsWith("_bucket"))
                        .collect(Collectors.groupingBy(s -> withoutLe(s.labels())));
                assertThat(buckets).isNotEmpty();
                buckets.forEach((series, list) -> {
                    double previousBound = Double.NEGATIVE_INFINITY;
                    double previousCount = 0;
                    for (Sample b : list) {
                        double bound = Double.parseDouble(b.labels().get("le").replace("+Inf", "Infinity"));
                        assertThat(bound).as(f.name() + " bounds ascend").isGreaterThan(previousBound);
                        assertThat(b.value()).as(f.name() + " cumulative").isGreaterThanOrEqualTo(previousCount);
                        previousBound = bound;
                        previousCount = b.value();
                    }
                    assertThat(previousBound).as(f.name() + " ends with +Inf").isInfinite();
                    double count = f.samples().stream()
                            .filter(s -> s.name().equals(f.name() + "_count")
                                    && s.labels().equals(series))
                            .findFirst()
                            .orElseThrow()
                            .value();
                    assertThat(previousCount).as(f.name() + " +Inf = _count").isEqualTo(count);
                });
            }
        }
    }

    @Test
    void transitionsAreBetweenRealAdjacentClassesAndAgreeWithEventsAndTime() {
        Exposition last = snapshots.get(snapshots.size() - 1);
        for (String env : ENVIRONMENTS) {
            Map<String, String> target = Map.of("environment", env);
            double transitions = 0;
            for (Sample s : samples(last, "maximus_arousal_state_transition", target)) {
                String[] fromTo = s.labels().get("transition").split("->");
                assertThat(fromTo).hasSize(2);
                assertThat(CLASSES).contains(fromTo[0], fromTo[1]);
                assertThat(Math.abs(SpecCatalogue.STATES.indexOf(fromTo[0]) - SpecCatalogue.STATES.indexOf(fromTo[1])))
                        .as("%s is between adjacent classes", s.labels().get("transition"))
                        .isEqualTo(1);
                transitions += s.value();
            }
            assertThat(transitions)
                    .isPositive()
                    .isEqualTo(value(
                            last,
                            "consciousness_event",
                            Map.of("environment", env, "event_type", "arousal_transition")));
            double seconds = samples(last, "maximus_arousal_state_seconds", target).stream()
                    .mapToDouble(Sample::value)
                    .sum();
            assertThat(seconds).isEqualTo(TICKS * 1.0);
        }
    }

    @Test
    void theDynamicsVisitEveryClassAndEveryFailureReason() {
        Exposition last = snapshots.get(snapshots.size() - 1);
        for (String env : ENVIRONMENTS) {
            Map<String, String> target = Map.of("environment", env);
            assertThat(samples(last, "maximus_arousal_state_seconds", target))
                    .allSatisfy(s ->
                            assertThat(s.value()).as(s.labels().get("state")).isPositive());
            assertThat(samples(last, "maximus_esgt_failure", target)).allSatisfy(s -> assertThat(s.value())
                    .as(s.labels().get("failure_reason"))
                    .isPositive());
            assertThat(samples(last, "consciousness_event", target)).allSatisfy(s -> assertThat(s.value())
                    .as(s.labels().get("event_type"))
                    .isPositive());
        }
        // The level is not pinned: it moves around the baseline.
        double min = 1;
        double max = 0;
        for (Exposition e : snapshots) {
            double level = value(e, "maximus_arousal_level", Map.of("environment", "prod"));
            min = Math.min(min, level);
            max = Math.max(max, level);
        }
        assertThat(min).isLessThan(0.4);
        assertThat(max).isGreaterThan(0.8);
    }

    @Test
    void eachFailureHasExactlyOneReasonAndEventsCountOutcomes() {
        Exposition last = snapshots.get(snapshots.size() - 1);
        for (String env : ENVIRONMENTS) {
            double failures =
                    value(last, "maximus_esgt_ignition_events", Map.of("environment", env, "outcome", "failure"));
            double successes =
                    value(last, "maximus_esgt_ignition_events", Map.of("environment", env, "outcome", "success"));
            double byReason = samples(last, "maximus_esgt_failure", Map.of("environment", env)).stream()
                    .mapToDouble(Sample::value)
                    .sum();
            assertThat(byReason).isEqualTo(failures);
            assertThat(value(last, "consciousness_event", Map.of("environment", env, "event_type", "esgt_failure")))
                    .isEqualTo(failures);
            assertThat(value(last, "consciousness_event", Map.of("environment", env, "event_type", "esgt_ignition")))
                    .isEqualTo(successes);
            // Every attempt draws its three salience components.
            for (String component : List.of("novelty", "relevance", "urgency")) {
                assertThat(value(
                                last,
                                "maximus_esgt_salience_component",
                                Map.of("environment", env, "component", component),
                                "_count"))
                        .isEqualTo(failures + successes);
            }
            // Attempts arrive at ~0.2 + 2 a^2 per second: around one a second near the baseline.
            assertThat((failures + successes) / TICKS).isBetween(0.5, 1.5);
        }
    }

    private static String expectedClass(double level) {
        if (level <= 0.2) {
            return "sleep";
        }
        if (level <= 0.4) {
            return "drowsy";
        }
        if (level <= 0.6) {
            return "relaxed";
        }
        return level <= 0.8 ? "alert" : "hyperalert";
    }

    private static Map<String, Double> counterValues(Exposition e) {
        Map<String, Double> out = new TreeMap<>();
        for (Exposition.Family f : e.families()) {
            if (f.type() == MetricType.COUNTER || f.type() == MetricType.HISTOGRAM) {
                for (Sample s : f.samples()) {
                    out.put(s.name() + s.labels(), s.value());
                }
            }
        }
        return out;
    }

    private static Map<String, String> withoutLe(Map<String, String> labels) {
        Map<String, String> copy = new HashMap<>(labels);
        copy.remove("le");
        return copy;
    }

    private static List<Sample> samples(Exposition e, String family, Map<String, String> match) {
        return samples(e, family, match, null);
    }

    private static List<Sample> samples(Exposition e, String family, Map<String, String> match, String suffix) {
        Exposition.Family f = e.family(family);
        assertThat(f).as(family).isNotNull();
        return f.samples().stream()
                .filter(s -> suffix == null || s.name().equals(family + suffix))
                .filter(s -> s.labels().entrySet().containsAll(match.entrySet()))
                .toList();
    }

    private static double value(Exposition e, String family, Map<String, String> match) {
        List<Sample> found = samples(e, family, match);
        assertThat(found).as(family + match).hasSize(1);
        return found.get(0).value();
    }

    private static double value(Exposition e, String family, Map<String, String> match, String suffix) {
        List<Sample> found = samples(e, family, match, suffix);
        assertThat(found).as(family + suffix + match).hasSize(1);
        return found.get(0).value();
    }
}
