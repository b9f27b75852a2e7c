package io.vertice.dash.v2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The conversion on real dashboards of the field ({@code ../shared/dashboards-corpus}): every one
 * converts to v2 and back without error, every v2 spec passes Grafana's v2 schema (with the
 * README's two relaxations for what Grafana's own output writes, and a third the corpus shows: an
 * override property's {@code value} is typed as an object, while Grafana writes a unit string, a
 * number or a list there just as often), and what classic → v2 loses is counted by kind.
 */
class CorpusConversionTest {

    private static final String SPECIAL_MATCH_NULL = "a special value mapping with \"match\": null, which Grafana's "
            + "converter copies as \"\" and its v2 schema's enum rejects (Grafana ignores such a mapping)";

    /** Corpus files whose v2 is invalid because the source itself is, and why. */
    private static final Map<String, String> INVALID_SOURCES = Map.of(
            "mixins-website/ceph__ceph-cluster-advanced.json", SPECIAL_MATCH_NULL,
            "mixins-website/ceph__ceph-nvmeof.json", SPECIAL_MATCH_NULL);

    @Test
    void everyCorpusDashboardConvertsBothWaysAndPassesTheV2Schema() throws IOException {
        Path corpus = SharedDir.require("dashboards-corpus");
        ObjectNode root = (ObjectNode) Json.read(SharedDir.require("grafana-schema/dashboardv2.jsonschema.json"));
        root.put("$ref", "#/definitions/Dashboard");
        ((ObjectNode) root.at("/definitions/AnnotationQuerySpec/properties/legacyOptions"))
                .putObject("additionalProperties");
        ((ObjectNode) root.at("/definitions/MatcherConfig/properties")).putObject("options");
        ((ObjectNode) root.at("/definitions/DynamicConfigValue/properties")).putObject("value");
        JsonSchema schema =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(root);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(corpus)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> invalid = new ArrayList<>();
        Map<String, Integer> losses = new TreeMap<>();
        int dashboards = 0;
        for (Path f : files) {
            JsonNode n = Json.read(f);
            if (!n.isObject() || !(n.has("panels") || n.has("rows") || n.has("dashboard"))) {
                continue;
            }
            dashboards++;
            ObjectNode spec = DashboardConversion.toV2((ObjectNode) n);
            var errors = schema.validate(spec);
            String name = corpus.relativize(f).toString();
            if (errors.isEmpty() == INVALID_SOURCES.containsKey(name)) {
                invalid.add(name + ": "
                        + (errors.isEmpty()
                                ? "valid now; drop it from INVALID_SOURCES"
                                : errors.iterator().next().getMessage()));
            }
            DashboardConversion.toClassic(spec);
            ConversionLoss.of((ObjectNode) n)
                    .ifPresent(loss -> losses.merge(
                            loss.replaceAll("panel '[^']*'", "panel")
                                    .replaceAll("variable '[^']*'", "variable")
                                    .replaceAll(" \\(.*\\)", "")
                                    .replaceAll("\\[\\d+]", "[]"),
                            1,
                            Integer::sum));
        }
        System.out.printf(
                "corpus: %d dashboards, %d unexpected v2 schema results, %d known invalid sources, losses by kind: %s%n",
                dashboards, invalid.size(), INVALID_SOURCES.size(), losses);
        assertThat(dashboards).isGreaterThan(100);
        assertThat(invalid).isEmpty();
    }
}
