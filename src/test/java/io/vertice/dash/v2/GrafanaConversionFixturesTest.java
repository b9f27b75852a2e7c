package io.vertice.dash.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * dash's conversions reproduce Grafana's own: each of the 20 input/output pairs of Grafana's
 * conversion test suite ({@code ../shared/grafana-v2/conversion}), converted by dash and compared
 * with Grafana's output after the documented normalisation. A failure names the first differing
 * JSON path.
 */
class GrafanaConversionFixturesTest {

    /**
     * A place where the converter that wrote a fixture's output differs from Grafana's converter of
     * today, which dash follows: {@code pointer} (a JSON pointer into the spec) is left out of the
     * comparison, after checking that the two sides really differ there.
     */
    record Era(String pointer, String reason) {}

    /** Input → Grafana's output, relative to the fixture folder, and where that output is of an older era. */
    record Pair(String input, String output, List<Era> eras) {
        Pair(String input, String output) {
            this(input, output, List.of());
        }

        Pair withEra(String pointer, String reason) {
            List<Era> all = new java.util.ArrayList<>(eras);
            all.add(new Era(pointer, reason));
            return new Pair(input, output, all);
        }

        @Override
        public String toString() {
            return Path.of(input).getFileName().toString().replace(".json", "");
        }
    }

    private static final String DEFINITION = "the converter at aa992f23 did not copy a query variable's "
            + "definition; today's buildQueryVariable does, and so does the output of fixture panel-text (58140b91)";
    private static final String TEXT_ANGULAR = "the converter at 0bee081c marked every text panel for Angular "
            + "migration; today's GetAngularPanelMigration does not list text, and the text panels of fixture "
            + "panel-text (58140b91) carry no such block";

    static Stream<Pair> pairs() {
        return Stream.of(
                new Pair("input/v1beta1.variable-conversions.json", "output/v1beta1.variable-conversions.v2beta1.json")
                        .withEra("/variables/1/spec/definition", DEFINITION)
                        .withEra("/variables/8/spec/definition", DEFINITION),
                dev("panel-text/v1beta1.text-options.v42"),
                dev("e2e-repeats/v1beta1.Repeating-a-row-with-a-repeating-horizontal-panel.v42"),
                dev("feature-templating/v0alpha1.templating-repeating-rows.v42")
                        .withEra("/elements/panel-15/spec/vizConfig/spec/options/__angularMigration", TEXT_ANGULAR)
                        .withEra("/elements/panel-30/spec/vizConfig/spec/options/__angularMigration", TEXT_ANGULAR),
                dev("feature-templating/v0alpha1.templating-dashboard-links-and-variables.v42"),
                dev("annotations/v1beta1.annotation-filtering.v42"),
                dev("panel-library/v1beta1.panel-library.v42"),
                dev("panel-gauge/v1beta1.gauge-multi-series.v42"),
                dev("panel-piechart/v1beta1.panel_test_piechart.v42"),
                dev("panel-timeline/v1beta1.timeline-align-nulls-retain.v42"),
                new Pair(
                        "input/v2beta1.tabs-and-rows-repeated.json",
                        "output/v2beta1.tabs-and-rows-repeated.v1beta1.json"),
                back("v2beta1.v16.grid_layout_upgrade"),
                back("v2beta1.v28.singlestat_migration"),
                back("v2beta1.v18.gauge_options"),
                back("v2beta1.v20.variable_syntax_links"),
                back("v2beta1.v12.template-variables"),
                back("v2beta1.v27.repeated_panels_and_constant_variable"),
                back("v2beta1.v14.shared_crosshair_to_graph_tooltip"),
                back("v2beta1.v40.refresh_string"),
                back("v2beta1.v41.time_picker_no_time_options"));
    }

    private static Pair dev(String name) {
        return new Pair(
                "input/migrated_dev_dashboards/" + name + ".json",
                "output/migrated_dev_dashboards/" + name + ".v2beta1.json");
    }

    private static Pair back(String name) {
        return new Pair(
                "input/migrated_dashboards_from_v0_to_v2/" + name + ".json",
                "output/migrated_dashboards_from_v0_to_v2/" + name + ".v1beta1.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void dashConvertsAsGrafanaDoes(Pair pair) throws IOException {
        Path dir = SharedDir.require("grafana-v2/conversion");
        assertUnchanged(dir, pair.input());
        assertUnchanged(dir, pair.output());
        ObjectNode input = (ObjectNode) Json.read(dir.resolve(pair.input()));
        JsonNode expected = Json.read(dir.resolve(pair.output())).path("spec");
        JsonNode actual;
        JsonNode want;
        if (SchemaVersion.ofApiVersion(input.path("apiVersion").asText()) != null) {
            actual = FixtureNormalisation.classic(DashboardConversion.toClassic((ObjectNode) input.get("spec")));
            want = FixtureNormalisation.classic(expected);
        } else {
            ObjectNode classic = input.has("spec") ? (ObjectNode) input.get("spec") : input;
            actual = FixtureNormalisation.v2(DashboardConversion.toV2(classic, SchemaVersion.V2BETA1));
            want = FixtureNormalisation.v2(expected);
        }
        for (Era era : pair.eras()) {
            JsonDifference there = JsonDifference.first(want.at(era.pointer()), actual.at(era.pointer()));
            assertThat(there)
                    .as(pair + ": the era difference at " + era.pointer() + " is gone; drop it from the table")
                    .isNotNull();
            remove(want, era.pointer());
            remove(actual, era.pointer());
        }
        JsonDifference difference = JsonDifference.first(want, actual);
        assertThat(difference)
                .as(() -> pair + " differs from Grafana's output at " + difference.describe())
                .isNull();
    }

    static Stream<Pair> v2Inputs() {
        // the tabs fixture is left out: tabs and an auto grid have no classic form, so they cannot come back
        return pairs().filter(p -> p.input().startsWith("input/migrated_dashboards_from_v0_to_v2/"));
    }

    /** v2 → classic → v2 gives back the same v2 (after normalisation) wherever classic can hold the layout. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("v2Inputs")
    void grafanasV2ComesBackFromClassicUnchanged(Pair pair) {
        Path dir = SharedDir.require("grafana-v2/conversion");
        ObjectNode spec = (ObjectNode) Json.read(dir.resolve(pair.input())).get("spec");
        assertThat(ConversionLoss.ofV2(spec, SchemaVersion.V2BETA1))
                .as(pair.toString())
                .isEmpty();
    }

    /** Tabs have no classic form: converting them is a loss dash names, where Grafana drops them. */
    @org.junit.jupiter.api.Test
    void tabsAreALossToClassic() {
        Path dir = SharedDir.require("grafana-v2/conversion");
        ObjectNode spec = (ObjectNode) Json.read(dir.resolve("input/v2beta1.tabs-and-rows-repeated.json"))
                .get("spec");
        assertThat(ConversionLoss.ofV2(spec, SchemaVersion.V2BETA1))
                .hasValue(
                        "field 'layout.kind' (\"TabsLayout\") has no classic form, so the conversion would drop or change it");
    }

    static Stream<Pair> classicInputs() {
        return pairs().filter(p -> p.output().endsWith(".v2beta1.json"));
    }

    /**
     * dash's v2beta1 output passes Grafana's published v2beta1 schema with the two relaxations
     * Grafana's own output needs ({@code legacyOptions} and {@code MatcherConfig.options} values may
     * be strings), as the fixture README documents.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("classicInputs")
    void dashsV2beta1PassesGrafanasSchema(Pair pair) {
        Path dir = SharedDir.require("grafana-v2/conversion");
        ObjectNode root = (ObjectNode) Json.read(SharedDir.require("grafana-schema/dashboardv2beta1.jsonschema.json"));
        root.put("$ref", "#/definitions/Dashboard");
        ((ObjectNode) root.at("/definitions/AnnotationQuerySpec/properties/legacyOptions"))
                .putObject("additionalProperties");
        ((ObjectNode) root.at("/definitions/MatcherConfig/properties")).putObject("options");
        var schema = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V7)
                .getSchema(root);
        ObjectNode input = (ObjectNode) Json.read(dir.resolve(pair.input()));
        ObjectNode spec = DashboardConversion.toV2(
                input.has("spec") ? (ObjectNode) input.get("spec") : input, SchemaVersion.V2BETA1);
        assertThat(schema.validate(spec)).as(pair.toString()).isEmpty();
    }

    private static void remove(JsonNode root, String pointer) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode o) {
            o.remove(pointer.substring(slash + 1));
        }
    }

    /** The fixtures are an oracle only while they are Grafana's files: SHA256SUMS says so. */
    private static void assertUnchanged(Path dir, String file) throws IOException {
        List<String> sums = Files.readAllLines(dir.resolve("SHA256SUMS"));
        String hash;
        try {
            hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(dir.resolve(file))));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertThat(sums)
                .as(file + " is listed in SHA256SUMS with this hash")
                .anyMatch(l -> l.startsWith(hash) && l.trim().endsWith(file));
    }
}
