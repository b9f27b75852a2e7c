package io.vertice.dash.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What Grafana's fixtures do not show: transformations, auto grids, mixed panels, bad input. */
class DashboardConversionTest {

    private static ObjectNode json(String text) {
        return (ObjectNode) Json.parse(text.replace('\'', '"'), "test");
    }

    /** Equal as JSON values (1 and 1L alike), else the first differing path. */
    private static void assertJson(JsonNode actual, JsonNode expected) {
        JsonDifference d = JsonDifference.first(expected, actual);
        assertThat(d).as(() -> d.describe()).isNull();
    }

    private static final String TABLE =
            """
            {'title': 'T', 'panels': [{'id': 3, 'type': 'table', 'title': 'Top',
              'gridPos': {'x': 0, 'y': 0, 'w': 12, 'h': 8},
              'targets': [{'refId': 'A', 'expr': 'up', 'datasource': {'type': 'prometheus', 'uid': 'p1'}}],
              'transformations': [{'id': 'organize', 'options': {'excludeByName': {'Time': true}}, 'disabled': true}]}]}""";

    @ParameterizedTest(name = "{0}")
    @EnumSource(SchemaVersion.class)
    void transformationsTakeEachVersionsShapeAndComeBack(SchemaVersion version) {
        ObjectNode spec = DashboardConversion.toV2(json(TABLE), version);
        JsonNode t = spec.at("/elements/panel-3/spec/data/spec/transformations/0");
        if (version == SchemaVersion.V2) {
            assertThat(t.path("kind").asText()).isEqualTo("Transformation");
            assertThat(t.path("group").asText()).isEqualTo("organize");
            assertThat(t.path("spec").has("id")).isFalse();
        } else {
            assertThat(t.path("kind").asText()).isEqualTo("organize");
            assertThat(t.at("/spec/id").asText()).isEqualTo("organize");
        }
        assertThat(t.at("/spec/disabled").asBoolean()).isTrue();
        JsonNode back = DashboardConversion.toClassic(spec).at("/panels/0/transformations/0");
        assertJson(back, json("{'id': 'organize', 'options': {'excludeByName': {'Time': true}}, 'disabled': true}"));
    }

    @Test
    void queriesNameTheirDatasourceByGroupAndUid() {
        JsonNode query = DashboardConversion.toV2(json(TABLE)).at("/elements/panel-3/spec/data/spec/queries/0/spec");
        assertJson(
                query,
                json(
                        """
                {'refId': 'A', 'hidden': false, 'query': {'kind': 'DataQuery', 'group': 'prometheus', 'version': 'v0',
                 'datasource': {'name': 'p1'}, 'spec': {'expr': 'up'}}}"""));
    }

    @Test
    void aPanelWhoseQueriesUseDifferentDatasourcesIsMixedInClassic() {
        ObjectNode classic = json(
                """
                {'panels': [{'id': 1, 'type': 'timeseries', 'gridPos': {'x': 0, 'y': 0, 'w': 8, 'h': 4},
                 'targets': [{'refId': 'A', 'datasource': {'type': 'prometheus', 'uid': 'a'}},
                             {'refId': 'B', 'datasource': {'type': 'loki', 'uid': 'b'}}]}]}""");
        JsonNode panel =
                DashboardConversion.toClassic(DashboardConversion.toV2(classic)).at("/panels/0");
        assertJson(panel.path("datasource"), json("{'type': 'mixed', 'uid': '-- Mixed --'}"));
        assertJson(panel.at("/targets/1/datasource"), json("{'type': 'loki', 'uid': 'b'}"));
    }

    @Test
    void anAutoGridGetsGrafanasComputedPositions() {
        ObjectNode spec = json(
                """
                {'title': 'A', 'elements': {
                  'p1': {'kind': 'Panel', 'spec': {'id': 1, 'title': 'one', 'vizConfig': {'group': 'stat'}}},
                  'p2': {'kind': 'Panel', 'spec': {'id': 2, 'title': 'two', 'vizConfig': {'group': 'stat'}}},
                  'p3': {'kind': 'Panel', 'spec': {'id': 3, 'title': 'three', 'vizConfig': {'group': 'stat'}}},
                  'p4': {'kind': 'Panel', 'spec': {'id': 4, 'title': 'four', 'vizConfig': {'group': 'stat'}}}},
                 'layout': {'kind': 'AutoGridLayout', 'spec': {'maxColumnCount': 3, 'rowHeightMode': 'short', 'items': [
                  {'kind': 'AutoGridLayoutItem', 'spec': {'element': {'kind': 'ElementReference', 'name': 'p1'}}},
                  {'kind': 'AutoGridLayoutItem', 'spec': {'element': {'kind': 'ElementReference', 'name': 'p2'}}},
                  {'kind': 'AutoGridLayoutItem', 'spec': {'element': {'kind': 'ElementReference', 'name': 'p3'}}},
                  {'kind': 'AutoGridLayoutItem', 'spec': {'element': {'kind': 'ElementReference', 'name': 'p4'}}}]}}}""");
        JsonNode panels = DashboardConversion.toClassic(spec).path("panels");
        assertJson(
                Json.MAPPER.valueToTree(panels.findValues("gridPos")),
                Json.parse(
                        """
                [{"h": 5, "w": 8, "x": 0, "y": 0}, {"h": 5, "w": 8, "x": 8, "y": 0},
                 {"h": 5, "w": 8, "x": 16, "y": 0}, {"h": 5, "w": 8, "x": 0, "y": 5}]""",
                        "expected"));
    }

    @Test
    void collapsedRowsKeepTheirPanelsInsideAtAbsolutePositions() {
        ObjectNode classic = json(
                """
                {'panels': [
                  {'id': 1, 'type': 'row', 'title': 'Open', 'collapsed': false, 'gridPos': {'x': 0, 'y': 0, 'w': 24, 'h': 1}, 'panels': []},
                  {'id': 2, 'type': 'stat', 'title': 's', 'gridPos': {'x': 0, 'y': 1, 'w': 12, 'h': 4}},
                  {'id': 3, 'type': 'row', 'title': 'Closed', 'collapsed': true, 'repeat': 'env', 'gridPos': {'x': 0, 'y': 5, 'w': 24, 'h': 1},
                   'panels': [{'id': 4, 'type': 'stat', 'title': 'inner', 'gridPos': {'x': 12, 'y': 6, 'w': 12, 'h': 3}}]}]}""");
        ObjectNode spec = DashboardConversion.toV2(classic);
        assertThat(spec.at("/layout/spec/rows/1/spec/layout/spec/items/0/spec/y")
                        .asInt())
                .as("y in the row")
                .isZero();
        assertJson(spec.at("/layout/spec/rows/1/spec/repeat"), json("{'mode': 'variable', 'value': 'env'}"));
        JsonNode back = DashboardConversion.toClassic(spec).path("panels");
        assertThat(back.at("/2/collapsed").asBoolean()).isTrue();
        assertThat(back.at("/2/gridPos/y").asInt()).isEqualTo(5);
        assertJson(back.at("/2/panels/0/gridPos"), json("{'h': 3, 'w': 12, 'x': 12, 'y': 6}"));
        assertThat(back.at("/0/id").asInt())
                .as("rows are numbered after the highest panel id")
                .isEqualTo(5);
        assertThat(back.at("/2/id").asInt()).isEqualTo(6);
    }

    @Test
    void aResourceBecomesClassicWithItsNameAsUid() {
        ObjectNode resource =
                DashboardConversion.resource("my-uid", DashboardConversion.toV2(json(TABLE)), SchemaVersion.V2);
        assertThat(resource.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2");
        ObjectNode classic = DashboardConversion.classicOfResource(resource);
        assertThat(classic.path("uid").asText()).isEqualTo("my-uid");
        assertThat(classic.path("title").asText()).isEqualTo("T");
    }

    @Test
    void aResourceOfAnotherKindIsOneSentence() {
        ObjectNode v1 = json("{'apiVersion': 'dashboard.grafana.app/v1', 'kind': 'Dashboard', 'spec': {}}");
        assertThatThrownBy(() -> DashboardConversion.classicOfResource(v1))
                .isInstanceOf(DashException.class)
                .hasMessage(
                        "expected a dashboard.grafana.app/v2 or v2beta1 Dashboard, got apiVersion 'dashboard.grafana.app/v1' kind 'Dashboard'.");
    }

    @Test
    void anElementMissingFromTheLayoutOrALayoutNamingNoElementIsOneSentence() {
        ObjectNode unplaced = json(
                """
                {'elements': {'panel-1': {'kind': 'Panel', 'spec': {'id': 1}}},
                 'layout': {'kind': 'GridLayout', 'spec': {'items': []}}}""");
        assertThatThrownBy(() -> DashboardConversion.toClassic(unplaced))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("element 'panel-1' is not placed in the layout");
        ObjectNode dangling = json(
                """
                {'elements': {}, 'layout': {'kind': 'GridLayout', 'spec': {'items': [
                  {'kind': 'GridLayoutItem', 'spec': {'x': 0, 'y': 0, 'width': 1, 'height': 1,
                   'element': {'kind': 'ElementReference', 'name': 'ghost'}}}]}}}""");
        assertThatThrownBy(() -> DashboardConversion.toClassic(dangling))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("places element 'ghost', which is not in 'elements'");
    }

    @Test
    void theInputIsNotChanged() {
        ObjectNode classic = json(TABLE);
        ObjectNode before = classic.deepCopy();
        ObjectNode spec = DashboardConversion.toV2(classic);
        ObjectNode specBefore = spec.deepCopy();
        DashboardConversion.toClassic(spec);
        assertThat(classic).isEqualTo(before);
        assertThat(spec).isEqualTo(specBefore);
    }
}
