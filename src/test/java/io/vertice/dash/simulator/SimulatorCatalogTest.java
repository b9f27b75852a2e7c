package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricFamily;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatorCatalogTest {

    @Test
    void defaultCatalogueHasEverySpecFamilyWithItsTypeLabelsAndAllTheirValues() {
        MetricCatalog catalog = SimulatorCatalog.catalog();

        SpecCatalogue.FAMILIES.forEach((name, expected) -> {
            MetricFamily f = catalog.family(name).orElseThrow(() -> new AssertionError("missing family " + name));
            assertThat(f.type()).as(name).isEqualTo(expected.type());
            assertThat(f.help()).as(name).isNotBlank();
            assertThat(f.labels().keySet())
                    .as(name)
                    .containsExactlyInAnyOrderElementsOf(
                            withTargetLabels(expected.labels().keySet()));
            assertThat(f.labels().get("environment")).as(name).containsExactlyInAnyOrder("prod", "staging");
            assertThat(f.labels().get("service_name")).as(name).containsExactly("maximus-core");
            expected.labels().forEach((label, values) -> assertThat(f.labels().get(label))
                    .as(name + " " + label)
                    .containsExactlyInAnyOrderElementsOf(values));
        });
    }

    @Test
    void simulatorFamiliesAreExactlyTheSpecOnes() {
        MetricCatalog catalog = SimulatorCatalog.catalog();
        assertThat(catalog.families().keySet().stream()
                        .filter(n -> n.startsWith("maximus_") || n.startsWith("consciousness_")))
                .containsExactlyInAnyOrderElementsOf(SpecCatalogue.FAMILIES.keySet());
    }

    @Test
    void standardProcessAndJvmFamiliesCarryTheTargetLabelsToo() {
        MetricCatalog catalog = SimulatorCatalog.catalog();
        SpecCatalogue.STANDARD.forEach((name, type) -> {
            MetricFamily f = catalog.family(name).orElseThrow(() -> new AssertionError("missing family " + name));
            assertThat(f.type()).as(name).isEqualTo(type);
            assertThat(f.labels().get("environment")).as(name).containsExactlyInAnyOrder("prod", "staging");
            assertThat(f.labels().get("service_name")).as(name).containsExactly("maximus-core");
        });
        assertThat(catalog.series("process_cpu_seconds_total")).isPresent();
        assertThat(catalog.series("jvm_memory_used_bytes").orElseThrow().labelNames())
                .contains("area");
    }

    @Test
    void configuredEnvironmentsAndServicesAreTheLabelValues() {
        SimulatorConfig config = SimulatorConfig.defaults()
                .withEnvironments(List.of("dev", "qa", "prod"))
                .withServices(3);
        MetricFamily level =
                SimulatorCatalog.catalog(config).family("maximus_arousal_level").orElseThrow();
        assertThat(level.labels())
                .isEqualTo(Map.of(
                        "environment", Set.of("dev", "qa", "prod"),
                        "service_name", Set.of("maximus-core", "maximus-core-2", "maximus-core-3")));
    }

    @Test
    void histogramSeriesResolveForPromQl() {
        MetricCatalog catalog = SimulatorCatalog.catalog();
        assertThat(catalog.series("maximus_esgt_salience_component_bucket")
                        .orElseThrow()
                        .labelNames())
                .containsExactlyInAnyOrder("environment", "service_name", "component", "le");
        assertThat(catalog.series("maximus_arousal_state_transition_total")).isPresent();
    }

    private static Set<String> withTargetLabels(Set<String> own) {
        Set<String> all = new java.util.HashSet<>(own);
        all.add("environment");
        all.add("service_name");
        return all;
    }
}
