package io.vertice.dash.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DashboardDiff;
import io.vertice.dash.http.RetryPolicy;
import io.vertice.dash.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code dash diff --grafana} sees when Grafana re-serialised a classic dashboard as v2, with Grafana's
 * own re-serialisation: each classic input of Grafana's conversion fixtures is "our" dashboard, and Grafana's
 * v2beta1 output for it is what the fake stores. Nothing changed in content, so nothing may differ.
 */
@Timeout(60)
class LiveCopiesTest {
    private static final Path FIXTURES = Path.of("..", "shared", "grafana-v2", "conversion");

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "migrated_dev_dashboards/panel-text/v1beta1.text-options.v42",
                "migrated_dev_dashboards/e2e-repeats/v1beta1.Repeating-a-row-with-a-repeating-horizontal-panel.v42",
                "migrated_dev_dashboards/feature-templating/v0alpha1.templating-repeating-rows.v42",
                "migrated_dev_dashboards/feature-templating/v0alpha1.templating-dashboard-links-and-variables.v42",
                "migrated_dev_dashboards/annotations/v1beta1.annotation-filtering.v42",
                "migrated_dev_dashboards/panel-library/v1beta1.panel-library.v42",
                "migrated_dev_dashboards/panel-gauge/v1beta1.gauge-multi-series.v42",
                "migrated_dev_dashboards/panel-piechart/v1beta1.panel_test_piechart.v42",
                "migrated_dev_dashboards/panel-timeline/v1beta1.timeline-align-nulls-retain.v42"
            })
    void grafanasOwnV2ReSerialisationIsNoDifference(String name) {
        assertThat(differences(name)).as("differences").isEmpty();
    }

    /**
     * The one pair where Grafana's converter of that era (aa992f23) left out the query variables'
     * {@code definition}, which dash's keeps: a real difference in content, reported as such.
     */
    @org.junit.jupiter.api.Test
    void aDefinitionGrafanasOlderConverterDroppedIsReported() {
        assertThat(differences("v1beta1.variable-conversions"))
                .extracting(Change::path)
                .containsExactly(
                        "templating.list[query_var].definition", "templating.list[complex_query_var].definition");
    }

    private static List<Change> differences(String name) {
        Assumptions.assumeTrue(
                Files.isDirectory(FIXTURES),
                "skipped: ../shared/grafana-v2/conversion is not there (a clone of your own)");
        JsonNode input = Json.read(FIXTURES.resolve("input").resolve(name + ".json"));
        JsonNode output = Json.read(FIXTURES.resolve("output").resolve(name + ".v2beta1.json"));
        ObjectNode ours = (ObjectNode) (input.has("spec") ? input.get("spec") : input).deepCopy();
        ours.put("uid", "fixture");
        try (FakeGrafana grafana = new FakeGrafana(FakeGrafana.Generation.GRAFANA_13);
                GrafanaClient client = new GrafanaClient(
                        GrafanaSettings.builder()
                                .url(grafana.url())
                                .token(FakeGrafana.TOKEN)
                                .retry(RetryPolicy.defaults().withBackoffBase(Duration.ofMillis(1)))
                                .build(),
                        line -> {})) {
            grafana.seedV2Dashboard("fixture", "v2beta1", (ObjectNode) output.get("spec"), null, null);
            List<String> notes = new ArrayList<>();

            LiveCopies.Sides sides = LiveCopies.classic(
                    GrafanaApis.connect(client, GrafanaApis.Choice.AUTO, null, line -> {}),
                    Map.of("fixture", ours),
                    notes::add);
            assertThat(sides.grafana()).containsKey("fixture");
            return DashboardDiff.compareAll(sides.ours(), sides.grafana());
        }
    }
}
