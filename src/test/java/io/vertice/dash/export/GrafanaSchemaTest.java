package io.vertice.dash.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every exported dashboard is valid Grafana as Grafana's own published schemas define it
 * ({@code ../shared/grafana-schema}): the whole dashboard, each panel's options and field options
 * against its plugin's schema, and each query against the Prometheus query schema.
 */
class GrafanaSchemaTest {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<String, JsonSchema> CACHE = new HashMap<>();
    private static Path schemaDir;

    @BeforeAll
    static void findSchemas() {
        schemaDir = SharedDir.require("grafana-schema");
    }

    /** The schema of one definition of a schema file, e.g. ("timeseries", "Options"). */
    static JsonSchema schema(String file, String definition) {
        return CACHE.computeIfAbsent(file + "#" + definition, k -> {
            ObjectNode root = (ObjectNode) Json.read(schemaDir.resolve(file + ".jsonschema.json"));
            if (definition != null) {
                root.put("$ref", "#/definitions/" + definition);
            }
            return FACTORY.getSchema(root);
        });
    }

    static List<String> errors(JsonSchema schema, JsonNode node) {
        Set<ValidationMessage> messages = schema.validate(node);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    @TestFactory
    Stream<DynamicTest> everyDashboardIsValidGrafana() {
        List<DynamicTest> tests = new ArrayList<>();
        for (RenderedDashboard d : Exporter.render()) {
            ObjectNode json = d.json();
            tests.add(DynamicTest.dynamicTest(
                    d.uid() + " dashboard", () -> assertThat(errors(schema("dashboard", null), json))
                            .as(d.uid())
                            .isEmpty()));
            for (JsonNode panel : allPanels(json)) {
                String where = d.uid() + " › " + panel.path("title").asText();
                String plugin = panel.path("type").asText().replace("-", "");
                tests.add(DynamicTest.dynamicTest(
                        where + " options", () -> assertThat(errors(schema(plugin, "Options"), panel.path("options")))
                                .as(where)
                                .isEmpty()));
                JsonNode custom = panel.path("fieldConfig").path("defaults").path("custom");
                if (!custom.isMissingNode()) {
                    tests.add(DynamicTest.dynamicTest(
                            where + " field config", () -> assertThat(errors(schema(plugin, "FieldConfig"), custom))
                                    .as(where)
                                    .isEmpty()));
                }
                for (JsonNode target : panel.path("targets")) {
                    tests.add(DynamicTest.dynamicTest(
                            where + " target " + target.path("refId").asText(),
                            () -> assertThat(errors(schema("prometheus", null), target))
                                    .as(where)
                                    .isEmpty()));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void theSchemaCatchesAnInvalidPanel() {
        // guards the test itself: a schema that accepted everything would make the checks above worthless
        ObjectNode options = Json.object();
        options.put("legend", "not an object");
        assertThat(errors(schema("timeseries", "Options"), options)).isNotEmpty();
        ObjectNode dashboard = Json.object();
        dashboard.put("title", "no schemaVersion, templating or annotations");
        assertThat(errors(schema("dashboard", null), dashboard)).isNotEmpty();
    }

    static List<JsonNode> allPanels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
