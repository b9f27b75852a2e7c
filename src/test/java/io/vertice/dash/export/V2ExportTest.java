package io.vertice.dash.export;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        return schema.validate(spec).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    static JsonNode resource(RenderedDashboard d) {
        return Json.parse(ExportSchema.V2.text(d), d.uid());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dashboards")
    void validatesAgainstGrafanasV2Schema(RenderedDashboard d) {
        JsonNode spec = resource(d).get("spec");
        assertThat(errors(v2Schema(true), spec)).as("v2 schema, legacyOptions relaxed").isEmpty();
        assertThat(errors(v2Schema(false), spec)).as("the strict schema objects only to legacyOptions values")
                .allMatch(e -> e.matches("\\$\\.annotations\\[\\d+]\\.spec\\.legacyOptions\\.\\w+: \\w+ found, object expected"));
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
        String again = Json.write(DashboardConversion.resource(d.uid(), DashboardConversion.toV2(classic), SchemaVersion.V2));
        assertThat(again).isEqualTo(v2);
    }

    @Test
    void isByteStable() {
        for (RenderedDashboard d : Exporter.render()) {
            assertThat(ExportSchema.V2.text(d)).isEqualTo(ExportSchema.V2.text(Exporter.render().stream()
                    .filter(o -> o.uid().equals(d.uid())).findFirst().orElseThrow()));
        }
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
                new Lossy("panel field outside Grafana's schema",
                        d -> ((ObjectNode) d.path("panels").get(1)).put("legendSort", "desc"),
                        "panel 'Ignition success rate' field 'legendSort' (\"desc\") has no v2 form, so the conversion would drop it"),
                new Lossy("variable of a type Grafana does not know",
                        d -> ((ObjectNode) d.path("templating").path("list").get(1)).put("type", "const"),
                        "variable 'environment' of type 'const' has no v2 form, so the conversion would drop it"),
                new Lossy("field config default outside the typed FieldConfig",
                        d -> ((ObjectNode) d.path("panels").get(1).path("fieldConfig").path("defaults")).put("fieldMinMax", true),
                        "panel 'Ignition success rate' field 'fieldConfig.defaults.fieldMinMax' (true) has no v2 form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lossyConstructs")
    void aConstructWithNoV2FormFailsExportWithOneSentence(Lossy lossy) {
        RenderedDashboard esgt = Exporter.render().stream().filter(d -> d.uid().equals("esgt-deep-dive")).findFirst().orElseThrow();
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
