package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dash diff} against files and against the fake Grafana. */
@Timeout(60) // per test: the tests here start servers or processes
class DiffCommandTest {
    @TempDir
    Path dir;

    private void exportTo(Path d) {
        new Exporter(Exporter.render()).export(d, false);
    }

    private static ObjectNode firstPanelWithTargets(ObjectNode dashboard) {
        for (JsonNode p : dashboard.get("panels")) {
            if (p.has("targets") && p.get("targets").size() > 0) {
                return (ObjectNode) p;
            }
        }
        throw new AssertionError("no panel with targets");
    }

    @Test
    void filesEqualToTheCodeAreNoDifference() {
        exportTo(dir);
        Cli.Result r = Cli.run(Map.of(), "diff", "--against", dir.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("no differences: 3 dashboards match");
    }

    @Test
    void reportsChangedQueriesMissingAndExtraDashboardsPerPanel() throws Exception {
        exportTo(dir);
        Path esgt = dir.resolve("esgt-deep-dive.json");
        ObjectNode d = (ObjectNode) Json.read(esgt);
        ObjectNode panel = firstPanelWithTargets(d);
        String refId = panel.get("targets").get(0).path("refId").asText();
        String ours = panel.get("targets").get(0).path("expr").asText();
        ((ObjectNode) panel.get("targets").get(0)).put("expr", "old_query");
        d.put("id", 5).put("version", 12);
        Files.writeString(esgt, d.toString());
        Files.delete(dir.resolve("arousal-dynamics.json"));
        Files.writeString(dir.resolve("hand-made.json"), "{\"uid\": \"hand-made\", \"title\": \"Hand Made\", \"panels\": []}");

        Cli.Result r = Cli.run(Map.of(), "diff", "--against", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(
                "ESGT Deep Dive › " + panel.get("title").asText() + " › targets[" + refId + "].expr: \"old_query\" → " + Json.MAPPER.writeValueAsString(ours),
                "Arousal Dynamics: dashboard missing from " + dir,
                "Hand Made: dashboard only in " + dir + " (not in code)",
                "3 differences in 3 dashboards");

        Cli.Result gh = Cli.run(Map.of(), "diff", "--against", dir.toString(), "--format", "github");
        assertThat(gh.exit()).isEqualTo(1);
        assertThat(gh.out()).contains("::error file=" + esgt + ",title=dashboard drift%3A ESGT Deep Dive::ESGT Deep Dive › ");

        Cli.Result json = Cli.run(Map.of(), "diff", "--against", dir.toString(), "--format", "json");
        assertThat(Json.parse(json.out(), "output")).hasSize(3);
    }

    @Test
    void comparesWithLiveGrafana() {
        try (FakeGrafana grafana = new FakeGrafana()) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            assertThat(Cli.run(env, "import", "--retry-backoff", "1ms").exit()).isZero();

            Cli.Result same = Cli.run(env, "diff", "--grafana");
            assertThat(same.exit()).as(same.all()).isZero();
            assertThat(same.out()).contains("no differences: 3 dashboards match Grafana");

            String uid = Exporter.render().stream().map(RenderedDashboard::uid).findFirst().orElseThrow();
            grafana.editInUi(uid, m -> m.put("refresh", "1h"));
            Cli.Result changed = Cli.run(env, "diff", "--grafana");
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.out()).contains("› refresh: \"1h\" → ");
            assertThat(changed.all()).doesNotContain(FakeGrafana.TOKEN);
        }
    }

    @Test
    void filesAndGrafanaExcludeEachOther() {
        Cli.Result r = Cli.run(Map.of(), "diff", "--grafana", "--against", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exclude each other");
    }
}
