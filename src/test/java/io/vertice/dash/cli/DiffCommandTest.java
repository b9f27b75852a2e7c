package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code dash diff} against files and against the fake Grafana (legacy API and, parameterized, Grafana 13's /apis). */
@Timeout(120) // per test: the tests here start servers or processes
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
        Files.writeString(
                dir.resolve("hand-made.json"), "{\"uid\": \"hand-made\", \"title\": \"Hand Made\", \"panels\": []}");

        Cli.Result r = Cli.run(Map.of(), "diff", "--against", dir.toString());

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "ESGT Deep Dive › " + panel.get("title").asText() + " › targets[" + refId
                                + "].expr: \"old_query\" → " + Json.MAPPER.writeValueAsString(ours),
                        "Arousal Dynamics: dashboard missing from " + dir,
                        "Hand Made: dashboard only in " + dir + " (not in code)",
                        "3 differences in 3 dashboards");

        Cli.Result gh = Cli.run(Map.of(), "diff", "--against", dir.toString(), "--format", "github");
        assertThat(gh.exit()).isEqualTo(1);
        assertThat(gh.out())
                .contains("::error file=" + esgt + ",title=dashboard drift%3A ESGT Deep Dive::ESGT Deep Dive › ");

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

            String uid = Exporter.render().stream()
                    .map(RenderedDashboard::uid)
                    .findFirst()
                    .orElseThrow();
            grafana.editInUi(uid, m -> m.put("refresh", "1h"));
            Cli.Result changed = Cli.run(env, "diff", "--grafana");
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.out()).contains("› refresh: \"1h\" → ");
            assertThat(changed.all()).doesNotContain(FakeGrafana.TOKEN);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void comparesWithLiveGrafanaOnBothGenerations(FakeGrafana.Generation generation) {
        try (FakeGrafana grafana = new FakeGrafana(generation)) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            assertThat(Cli.run(env, "import", "--retry-backoff", "1ms").exit()).isZero();

            Cli.Result same = Cli.run(env, "diff", "--grafana");
            grafana.editInUi("esgt-deep-dive", m -> m.put("refresh", "1h"));
            Cli.Result changed = Cli.run(env, "diff", "--grafana");

            assertThat(same.exit()).as(same.all()).isZero();
            assertThat(same.out()).contains("no differences: 3 dashboards match Grafana");
            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.out()).contains("ESGT Deep Dive › refresh: \"1h\" → ", "1 difference in 1 dashboard");
            boolean apis = generation == FakeGrafana.Generation.GRAFANA_13;
            assertThat(grafana.requests(
                            "GET", "/apis/dashboard.grafana.app/v1/namespaces/default/dashboards/esgt-deep-dive"))
                    .hasSize(apis ? 3 : 0);
            assertThat(grafana.requests("GET", "/api/dashboards/uid/esgt-deep-dive"))
                    .hasSize(apis ? 0 : 3);
        }
    }

    /** Ours, rendered from the code. */
    private static ObjectNode ours(String uid) {
        return Exporter.render().stream()
                .filter(d -> d.uid().equals(uid))
                .findFirst()
                .orElseThrow()
                .json();
    }

    @Test
    void aUiSaveThatOnlyReSerialisesAsV2IsNoDifferenceAndAChangeShowsAlone() {
        try (FakeGrafana grafana = new FakeGrafana(FakeGrafana.Generation.GRAFANA_13)) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            assertThat(Cli.run(env, "import", "--retry-backoff", "1ms").exit()).isZero();
            // Grafana 13's UI opens every dashboard as v2 and a save stores it so, content unchanged
            for (String uid : new String[] {"esgt-deep-dive", "consciousness-overview", "arousal-dynamics"}) {
                grafana.saveAsV2InUi(uid, "v2beta1", DashboardConversion.toV2(ours(uid), SchemaVersion.V2BETA1), null);
            }

            Cli.Result same = Cli.run(env, "diff", "--grafana");

            assertThat(grafana.dashboard("esgt-deep-dive").storedVersion).isEqualTo("v2beta1");
            assertThat(same.exit()).as(same.all()).isZero();
            assertThat(same.out()).contains("no differences: 3 dashboards match Grafana");

            ObjectNode edited = ours("esgt-deep-dive");
            ObjectNode panel = firstPanelWithTargets(edited);
            ((ObjectNode) panel.get("targets").get(0)).put("expr", "sum(edited_in_the_ui)");
            grafana.saveAsV2InUi(
                    "esgt-deep-dive", "v2beta1", DashboardConversion.toV2(edited, SchemaVersion.V2BETA1), null);

            Cli.Result changed = Cli.run(env, "diff", "--grafana");

            assertThat(changed.exit()).isEqualTo(1);
            assertThat(changed.out())
                    .contains(
                            "ESGT Deep Dive › " + panel.path("title").asText() + " › targets["
                                    + panel.get("targets").get(0).path("refId").asText()
                                    + "].expr: \"sum(edited_in_the_ui)\" → ",
                            "1 difference in 1 dashboard");
        }
    }

    @Test
    void aV2DashboardReachedThroughTheLegacyApisNotAcceptableIsComparedWithoutError() {
        try (FakeGrafana grafana = new FakeGrafana(FakeGrafana.Generation.GRAFANA_13)) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            assertThat(Cli.run(env, "import", "--retry-backoff", "1ms").exit()).isZero();
            ObjectNode edited = ours("arousal-dynamics");
            edited.put("refresh", "2m");
            grafana.saveAsV2InUi(
                    "arousal-dynamics", "v2beta1", DashboardConversion.toV2(edited, SchemaVersion.V2BETA1), null);

            Cli.Result r = Cli.run(env, "diff", "--grafana", "--api", "legacy", "--verbose");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.out()).contains("Arousal Dynamics › refresh: \"2m\" → ", "1 difference in 1 dashboard");
            assertThat(r.err())
                    .contains(
                            "dashboard arousal-dynamics is stored as v2beta1, which the legacy API does not serve; reading it through /apis")
                    .doesNotContain("rejected");
        }
    }

    @Test
    void aV2DashboardWithTabsSaysItsComparisonSeesOnlyTheClassicForm() throws Exception {
        Path fixture =
                Path.of("..", "shared", "grafana-v2", "conversion", "input", "v2beta1.tabs-and-rows-repeated.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                Files.exists(fixture), "skipped: ../shared/grafana-v2/conversion is not there");
        try (FakeGrafana grafana = new FakeGrafana(FakeGrafana.Generation.GRAFANA_13)) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            assertThat(Cli.run(env, "import", "--retry-backoff", "1ms").exit()).isZero();
            grafana.saveAsV2InUi(
                    "esgt-deep-dive", "v2beta1", (ObjectNode) Json.read(fixture).get("spec"), null);

            Cli.Result r = Cli.run(env, "diff", "--grafana");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err())
                    .contains(
                            "dashboard esgt-deep-dive is stored in Grafana as v2beta1 and classic JSON cannot hold all of it (field 'layout",
                            "the comparison sees only its classic form.");
        }
    }

    @Test
    void filesAndGrafanaExcludeEachOther() {
        Cli.Result r = Cli.run(Map.of(), "diff", "--grafana", "--against", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("exclude each other");
    }
}
