package io.vertice.dash.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertice.dash.DashException;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code dash export --schema v2}: each of our dashboards as a {@code dashboard.grafana.app/v2}
 * resource that Grafana's published v2 schema accepts, that converts back to classic and again to
 * v2 byte for byte, and that never silently loses a construct.
 */
class V2ExportTest {

    static Stream<RenderedDashboard> dashboards() {
        return Exporter.render().stream();
    }

    /**
     * The v2 schema of {@code ../shared/grafana-schema}; {@code legacyAnyValue} relaxes the one rule
     * Grafana's own output breaks ({@code AnnotationQuerySpec.legacyOptions} values typed as objects,
     * while Grafana writes {@code "type": "dashboard"} there for every built-in annotation and keeps a
     * Prometheus annotation's {@code titleFormat}, {@code tagKeys}... there as strings).
     */
    static JsonSchema v2Schema(boolean legacyAnyValue) {
        ObjectNode root = (ObjectNode) Json.read(SharedDir.require("grafana-schema/dashboardv2.jsonschema.json"));
        root.put("$ref", "#/definitions/Dashboard");
        if (legacyAnyValue) {
            ((ObjectNode) root.at("/definitions/AnnotationQuerySpec/properties/legacyOptions"))
                    .putObject("additionalProperties");
        }
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
    }

    static List<String> errors(JsonSchema schema, JsonNode spec) {
        return schema.validate(spec).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }

    static JsonNode resource(RenderedDashboard d) {
        return Json.parse(ExportSchema.V2.text(d), d.uid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void validatesAgainstGrafanasV2Schema(RenderedDashboard d) {
        JsonNode spec = resource(d).get("spec");
        assertThat(errors(v2Schema(true), spec))
                .as("v2 schema, legacyOptions relaxed")
                .isEmpty();
        assertThat(errors(v2Schema(false), spec))
                .as("the strict schema objects only to legacyOptions values")
                .allMatch(e -> e.matches(
                        "\\$\\.annotations\\[\\d+]\\.spec\\.legacyOptions\\.\\w+: \\w+ found, object expected"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void isAKubernetesResourceNamedByUidWithElementsAndARowsLayout(RenderedDashboard d) {
        JsonNode r = resource(d);
        assertThat(r.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2");
        assertThat(r.path("kind").asText()).isEqualTo("Dashboard");
        assertThat(r.path("metadata").path("name").asText()).isEqualTo(d.uid());
        JsonNode spec = r.path("spec");
        assertThat(spec.path("title").asText()).isEqualTo(d.title());
        assertThat(spec.path("elements").size()).as("one element per panel").isEqualTo(d.panelCount());
        // every dashboard of ours has rows: each becomes a row of a RowsLayout holding grid items
        assertThat(spec.path("layout").path("kind").asText()).isEqualTo("RowsLayout");
        List<String> placed = new ArrayList<>();
        for (JsonNode row : spec.path("layout").path("spec").path("rows")) {
            assertThat(row.path("spec").path("layout").path("kind").asText()).isEqualTo("GridLayout");
            row.path("spec").path("layout").path("spec").path("items").forEach(item -> {
                assertThat(item.path("kind").asText()).isEqualTo("GridLayoutItem");
                placed.add(item.path("spec").path("element").path("name").asText());
            });
        }
        List<String> elements = new ArrayList<>();
        spec.path("elements").fieldNames().forEachRemaining(elements::add);
        assertThat(placed).containsExactlyInAnyOrderElementsOf(elements).allMatch(n -> n.matches("panel-\\d+"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void v2ToClassicToV2GivesTheSameBytes(RenderedDashboard d) {
        String v2 = ExportSchema.V2.text(d);
        ObjectNode classic = DashboardConversion.classicOfResource((ObjectNode) Json.parse(v2, d.uid()));
        assertThat(classic.path("uid").asText()).isEqualTo(d.uid());
        String again =
                Json.write(DashboardConversion.resource(d.uid(), DashboardConversion.toV2(classic), SchemaVersion.V2));
        assertThat(again).isEqualTo(v2);
    }

    @Test
    void isByteStable() {
        for (RenderedDashboard d : Exporter.render()) {
            assertThat(ExportSchema.V2.text(d))
                    .isEqualTo(ExportSchema.V2.text(Exporter.render().stream()
                            .filter(o -> o.uid().equals(d.uid()))
                            .findFirst()
                            .orElseThrow()));
        }
    }

    /**
     * A dashboard using every construct the model's builders offer: a panel above the first row, an
     * expanded and a collapsed row, every panel type, every variable kind, both annotation kinds,
     * both link kinds, value/range/special mappings, overrides, a transformation, a repeat, query
     * options, panel links. Each has a v2 form: nothing is lost, the schema accepts it, and it comes
     * back byte for byte.
     */
    @Test
    void everyConstructOfTheModelHasAV2Form() {
        var sel = "sum(rate(maximus_esgt_ignition_events_total[$__rate_interval]))";
        var dashboard = io.vertice.dash.model.Dashboard.builder("everything", "Everything")
                .description("Every construct of the model.")
                .tags("a", "b")
                .timezone("utc")
                .time("now-3h", "now")
                .refresh("1m")
                .cursorSync(io.vertice.dash.model.Dashboard.CursorSync.TOOLTIP)
                .variables(io.vertice.dash.dashboards.Cockpit.variables())
                .variable(new io.vertice.dash.model.Variable.Custom(
                        "component", "Component", List.of("novelty", "relevance"), true, true))
                .annotation(new io.vertice.dash.model.Annotation.Prometheus(
                        "Ignitions",
                        io.vertice.dash.model.DatasourceRef.PROMETHEUS_VARIABLE,
                        sel + " > 0",
                        "purple",
                        "Ignition",
                        "{{service_name}}",
                        "service_name",
                        "1m"))
                .link(io.vertice.dash.model.Link.dashboardsTagged("Cockpit", "vertice-cockpit"))
                .link(io.vertice.dash.model.Link.url("Runbook", "https://example.org/runbook", "What to do"))
                .panel(io.vertice.dash.model.Panels.text("Read me", "# Hello"))
                .row("Open", row -> row.add(io.vertice.dash.model.Panels.timeseries("Rate")
                                .description("d")
                                .query(sel, "rate")
                                .unit("ops")
                                .decimals(1)
                                .min(0)
                                .max(10)
                                .noValue("none")
                                .override(io.vertice.dash.model.FieldOverride.byNames("rate"))
                                .link(io.vertice.dash.model.Link.url("More", "https://example.org", ""))
                                .interval("15s")
                                .maxDataPoints(500)
                                .stacked(true)
                                .legendTable("mean"))
                        .add(io.vertice.dash.model.Panels.stat("Stat")
                                .description("d")
                                .query(sel, "s")
                                .mapping(io.vertice.dash.model.ValueMapping.value("1", "one", "green"))
                                .mapping(io.vertice.dash.model.ValueMapping.range(0.0, 0.5, "low", "red"))
                                .mapping(io.vertice.dash.model.ValueMapping.special(
                                        io.vertice.dash.model.ValueMapping.Special.NULL, "n/a", "gray"))
                                .thresholds(io.vertice.dash.model.Thresholds.from("green")
                                        .at(5, "red")
                                        .percentage()))
                        .add(io.vertice.dash.model.Panels.gauge("Gauge")
                                .description("d")
                                .query(sel, "g")
                                .thresholdLabels())
                        .add(io.vertice.dash.model.Panels.barGauge("Bars")
                                .description("d")
                                .query(sel, "b")
                                .vertical()))
                .collapsedRow("Closed", row -> row.add(io.vertice.dash.model.Panels.table("Table")
                                .description("d")
                                .query(sel, "t")
                                .organize("Time")
                                .footerSum())
                        .add(io.vertice.dash.model.Panels.pieChart("Pie")
                                .description("d")
                                .query(sel, "p")
                                .donut())
                        .add(io.vertice.dash.model.Panels.heatmap("Heat")
                                .description("d")
                                .query(sel, "h")
                                .repeatHorizontally("component", 2))
                        .add(io.vertice.dash.model.Panels.stateTimeline("States")
                                .description("d")
                                .query(sel, "st")
                                .hideValues()))
                .build();
        RenderedDashboard d = RenderedDashboard.of(dashboard);
        assertThat(io.vertice.dash.v2.ConversionLoss.of(d.json())).isEmpty();
        JsonNode r = resource(d);
        assertThat(errors(v2Schema(true), r.get("spec"))).isEmpty();
        v2ToClassicToV2GivesTheSameBytes(d);
        JsonNode rows = r.at("/spec/layout/spec/rows");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).at("/spec/hideHeader").asBoolean())
                .as("the panel above the first row")
                .isTrue();
        assertThat(rows.get(2).at("/spec/collapse").asBoolean()).isTrue();
        assertThat(r.at("/spec/variables").findValuesAsText("kind"))
                .contains("DatasourceVariable", "QueryVariable", "CustomVariable");
    }

    /** A construct with no v2 form, put into a real dashboard, and the sentence export must say. */
    record Lossy(String name, Consumer<ObjectNode> change, String sentence) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Lossy> lossyConstructs() {
        return Stream.of(
                new Lossy(
                        "panel field outside Grafana's schema",
                        d -> ((ObjectNode) d.path("panels").get(1)).put("legendSort", "desc"),
                        "panel 'Ignition success rate' field 'legendSort' (\"desc\") has no v2 form, so the conversion would drop it"),
                new Lossy(
                        "variable of a type Grafana does not know",
                        d -> ((ObjectNode) d.path("templating").path("list").get(1)).put("type", "const"),
                        "variable 'environment' of type 'const' has no v2 form, so the conversion would drop it"),
                new Lossy(
                        "field config default outside the typed FieldConfig",
                        d -> ((ObjectNode) d.path("panels")
                                        .get(1)
                                        .path("fieldConfig")
                                        .path("defaults"))
                                .put("fieldMinMax", true),
                        "panel 'Ignition success rate' field 'fieldConfig.defaults.fieldMinMax' (true) has no v2 form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossyConstructs")
    void aConstructWithNoV2FormFailsExportWithOneSentence(Lossy lossy) {
        RenderedDashboard esgt = Exporter.render().stream()
                .filter(d -> d.uid().equals("esgt-deep-dive"))
                .findFirst()
                .orElseThrow();
        ObjectNode json = esgt.json();
        lossy.change().accept(json);
        RenderedDashboard changed = new RenderedDashboard(esgt.uid(), esgt.title(), esgt.panelCount(), json);
        assertThatThrownBy(() -> ExportSchema.V2.text(changed))
                .isInstanceOf(DashException.class)
                .hasMessageStartingWith("dashboard 'esgt-deep-dive': " + lossy.sentence())
                .hasMessageEndingWith("; change the dashboard or export it with --schema classic.")
                .satisfies(e -> assertThat(((DashException) e).exitCode()).isEqualTo(2))
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
        assertThat(ExportSchema.CLASSIC.text(changed)).as("classic keeps it").isNotEmpty();
    }
}
