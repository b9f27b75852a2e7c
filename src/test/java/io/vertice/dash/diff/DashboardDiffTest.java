package io.vertice.dash.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DashboardDiffTest {

    private static ObjectNode dashboard() {
        return (ObjectNode) Json.parse(
                """
                {"uid": "esgt-deep-dive", "title": "ESGT Deep Dive", "id": 3, "version": 9, "refresh": "30s",
                 "templating": {"list": [{"name": "environment", "query": "label_values(up, environment)"}]},
                 "panels": [
                   {"id": 1, "title": "Success rate", "type": "timeseries", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                    "targets": [{"refId": "A", "expr": "rate(a[5m])"}, {"refId": "B", "expr": "rate(b[5m])"}]},
                   {"id": 2, "title": "Failure Reasons", "type": "piechart",
                    "targets": [{"refId": "A", "expr": "sum by (failure_reason) (increase(maximus_esgt_failure_total[$__range]))"}]},
                   {"id": 3, "title": "Details", "type": "row", "collapsed": true,
                    "panels": [{"id": 4, "title": "Coherence", "type": "heatmap", "maxDataPoints": 100}]}
                 ]}
                """,
                "test");
    }

    @Test
    void idsVersionsKeyOrderAndNumberFormsAreNotDifferences() {
        ObjectNode other = (ObjectNode) Json.parse(Json.write(dashboard()), "copy");
        other.put("id", 77).put("version", 123).put("iteration", 1700000000000L);
        ((ObjectNode) other.get("panels").get(2).get("panels").get(0)).put("maxDataPoints", 100.0);
        ObjectNode wrapped = Json.object();
        wrapped.set("dashboard", other);
        wrapped.set("meta", Json.object().put("folderUid", "x"));

        assertThat(DashboardDiff.compare(
                        dashboard(), DashboardReader.of(wrapped, "api answer").classic()))
                .isEmpty();
        assertThat(DashboardDiff.equal(dashboard(), other)).isTrue();
    }

    @Test
    void aChangedQueryIsAddressedByPanelTitleAndRefId() {
        ObjectNode live = dashboard();
        ((ObjectNode) live.get("panels").get(1).get("targets").get(0)).put("expr", "old");

        List<Change> changes = DashboardDiff.compare(dashboard(), live);

        assertThat(changes).hasSize(1);
        Change c = changes.get(0);
        assertThat(c.location()).isEqualTo("ESGT Deep Dive › Failure Reasons › targets[A].expr");
        assertThat(DiffFormat.describe(c, "Grafana"))
                .isEqualTo(
                        "ESGT Deep Dive › Failure Reasons › targets[A].expr: \"old\" → \"sum by (failure_reason) (increase(maximus_esgt_failure_total[$__range]))\"");
    }

    @Test
    void targetsAreMatchedByRefIdNotPosition() {
        ObjectNode live = dashboard();
        var targets = (com.fasterxml.jackson.databind.node.ArrayNode)
                live.get("panels").get(0).get("targets");
        JsonNode a = targets.remove(0);
        targets.add(a);

        assertThat(DashboardDiff.compare(dashboard(), live)).isEmpty();
    }

    @Test
    void panelsAreMatchedByIdThenTitle() {
        ObjectNode live = dashboard();
        // renumbered: same title, other id -> one change of the id, not a removal plus an addition
        ((ObjectNode) live.get("panels").get(1)).put("id", 20);
        // retitled: same id -> a change of the title
        ((ObjectNode) live.get("panels").get(0)).put("title", "Success ratio");

        List<Change> changes = DashboardDiff.compare(dashboard(), live);

        assertThat(changes)
                .extracting(c -> DiffFormat.describe(c, "Grafana"))
                .containsExactly(
                        "ESGT Deep Dive › Success rate › title: \"Success ratio\" → \"Success rate\"",
                        "ESGT Deep Dive › Failure Reasons › id: 20 → 2");
    }

    @Test
    void missingAndExtraPanelsIncludingThoseInCollapsedRows() {
        ObjectNode live = dashboard();
        ((com.fasterxml.jackson.databind.node.ArrayNode) live.get("panels")).remove(1);
        ((ObjectNode) live.get("panels").get(1).get("panels").get(0)).put("title", "Coherence");
        ((com.fasterxml.jackson.databind.node.ArrayNode)
                        live.get("panels").get(1).get("panels"))
                .addObject()
                .put("id", 9)
                .put("title", "Hand-made panel");

        List<Change> changes = DashboardDiff.compare(dashboard(), live);

        assertThat(changes)
                .extracting(c -> DiffFormat.describe(c, "Grafana"))
                .containsExactly(
                        "ESGT Deep Dive › Failure Reasons: panel missing from Grafana",
                        "ESGT Deep Dive › Hand-made panel: panel only in Grafana (not in code)");
    }

    @Test
    void dashboardLevelFieldsVariablesAndSetsOfDashboards() {
        ObjectNode live = dashboard();
        live.put("refresh", "5m");
        live.remove("templating");
        live.putObject("templating")
                .putArray("list")
                .addObject()
                .put("name", "environment")
                .put("query", "x");

        List<Change> changes = DashboardDiff.compareAll(
                Map.of(
                        "esgt-deep-dive",
                        dashboard(),
                        "new-one",
                        Json.object().put("uid", "new-one").put("title", "New")),
                Map.of(
                        "esgt-deep-dive",
                        live,
                        "stale",
                        Json.object().put("uid", "stale").put("title", "Stale")));

        assertThat(changes)
                .extracting(c -> DiffFormat.describe(c, "DIR"))
                .containsExactly(
                        "ESGT Deep Dive › refresh: \"5m\" → \"30s\"",
                        "ESGT Deep Dive › templating.list[environment].query: \"x\" → \"label_values(up, environment)\"",
                        "New: dashboard missing from DIR",
                        "Stale: dashboard only in DIR (not in code)");
    }

    @Test
    void formatsForProgramsAndGithub() {
        ObjectNode live = dashboard();
        live.put("refresh", "5m");
        List<Change> changes = DashboardDiff.compare(dashboard(), live);

        JsonNode json = Json.parse(DiffFormat.JSON.render(changes, "Grafana", uid -> null), "output");
        assertThat(json.get(0).path("path").asText()).isEqualTo("refresh");
        assertThat(json.get(0).path("found").asText()).isEqualTo("5m");
        assertThat(json.get(0).path("expected").asText()).isEqualTo("30s");
        assertThat(json.get(0).path("kind").asText()).isEqualTo("changed");

        assertThat(DiffFormat.GITHUB.render(changes, "dir", uid -> "dir/" + uid + ".json"))
                .isEqualTo(
                        "::error file=dir/esgt-deep-dive.json,title=dashboard drift%3A ESGT Deep Dive::ESGT Deep Dive › refresh: \"5m\" → \"30s\"\n");
    }

    /** Grafana stamps its version on every panel it saves; a save in the UI without edits is no change. */
    @Test
    void aDashboardSavedBackByGrafanaShowsNoDifference() {
        for (io.vertice.dash.export.RenderedDashboard ours : io.vertice.dash.export.Exporter.render()) {
            ObjectNode savedByGrafana = ours.json();
            savedByGrafana.put("id", 42);
            savedByGrafana.put("version", 7);
            for (JsonNode panel : savedByGrafana.path("panels")) {
                ((ObjectNode) panel).put("pluginVersion", "11.6.0");
                for (JsonNode inner : panel.path("panels")) {
                    ((ObjectNode) inner).put("pluginVersion", "11.6.0");
                }
            }
            ObjectNode apiResponse = Json.object();
            apiResponse.set("dashboard", savedByGrafana);
            apiResponse.putObject("meta").put("version", 7);
            assertThat(DashboardDiff.compare(
                            ours.json(),
                            DashboardReader.of(apiResponse, "api answer").classic()))
                    .as(ours.uid())
                    .isEmpty();

            ((ObjectNode) savedByGrafana.path("panels").get(1)).put("title", "Renamed in the UI");
            assertThat(DashboardDiff.compare(
                            ours.json(),
                            DashboardReader.of(apiResponse, "api answer").classic()))
                    .as(ours.uid())
                    .isNotEmpty();
        }
    }
}
