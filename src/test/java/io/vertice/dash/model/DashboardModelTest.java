package io.vertice.dash.model;

import static io.vertice.dash.model.Panels.stat;
import static io.vertice.dash.model.Panels.text;
import static io.vertice.dash.model.Panels.timeseries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardModelTest {

    static Dashboard small() {
        return Dashboard.builder("small", "Small")
                .description("A small dashboard for the golden file.")
                .tags("test")
                .variable(new Variable.Datasource("datasource", "Data source", "prometheus", "prom", "Prometheus"))
                .row("Only row", row -> row.add(stat("Up")
                                .description("Targets up.")
                                .size(6, 4)
                                .query(Query.of("sum(up)").legend("up").asInstant())
                                .unit(Units.SHORT)
                                .thresholds(Thresholds.from("red").at(1, "green"))
                                .mapping(ValueMapping.value("0", "Down", "red")))
                        .add(timeseries("Scrape time")
                                .description("How long scrapes take.")
                                .size(18, 4)
                                .query("scrape_duration_seconds", "{{job}}")
                                .unit(Units.SECONDS)))
                .build();
    }

    @Test
    void smallDashboardMatchesItsGoldenFile() throws IOException {
        assertGolden("golden/small-dashboard.json", Json.write(small().toJson()));
    }

    @Test
    void textPanelMatchesItsGoldenFile() throws IOException {
        Dashboard d = Dashboard.builder("text", "Text")
                .panel(text("Read me", "# Hello").description("Guide.").size(24, 3))
                .build();
        assertGolden("golden/text-panel.json", Json.write(d.panels().get(0).toJson()));
    }

    @Test
    void panelsFlowLeftToRightAndWrapWithoutOverlapping() {
        Dashboard d = Dashboard.builder("flow", "Flow")
                .row("A", row -> row.add(stat("one").size(10, 4))
                        .add(stat("two").size(10, 6))
                        .add(stat("three").size(10, 4))) // does not fit beside two: wraps
                .row("B", row -> row.add(stat("four").size(24, 2)))
                .build();
        List<GridPos> pos = d.elements().stream().map(DashboardElement::gridPos).toList();
        assertThat(pos)
                .containsExactly(
                        new GridPos(0, 0, 24, 1), // row A
                        new GridPos(0, 1, 10, 4),
                        new GridPos(10, 1, 10, 6),
                        new GridPos(0, 7, 10, 4), // below the taller of the line above
                        new GridPos(0, 11, 24, 1), // row B
                        new GridPos(0, 12, 24, 2));
        assertNoOverlap(d);
    }

    @Test
    void idsAreNumberedInOrderIncludingRowsAndCollapsedPanels() {
        Dashboard d = Dashboard.builder("ids", "Ids")
                .row("Open", row -> row.add(stat("a")).add(stat("b")))
                .collapsedRow("Closed", row -> row.add(stat("c")))
                .row("After", row -> row.add(stat("d")))
                .build();
        assertThat(d.elements().stream().map(DashboardElement::id)).containsExactly(1, 2, 3, 4, 6, 7);
        Row closed = (Row) d.elements().get(3);
        assertThat(closed.collapsed()).isTrue();
        assertThat(closed.panels()).extracting(Panel::id).containsExactly(5);
        // the collapsed row's panel sits just below its header; the next row follows the header directly
        assertThat(closed.panels().get(0).gridPos().y())
                .isEqualTo(closed.gridPos().y() + 1);
        assertThat(d.elements().get(4).gridPos().y()).isEqualTo(closed.gridPos().y() + 1);
        assertThat(d.panels()).extracting(Panel::title).containsExactly("a", "b", "c", "d");
    }

    @Test
    void queriesGetRefIdsInOrder() {
        PanelSpec spec =
                timeseries("t").query("a", "").query("b", "").query("c", "").build();
        assertThat(spec.targets()).extracting(Query::refId).containsExactly("A", "B", "C");
        assertThat(Query.refIdFor(25)).isEqualTo("Z");
        assertThat(Query.refIdFor(26)).isEqualTo("AA");
    }

    @Test
    void instantQueriesAreNotRangeQueries() {
        var json = Query.of("up").asInstant().withRefId("A").toJson(DatasourceRef.PROMETHEUS_VARIABLE);
        assertThat(json.get("instant").asBoolean()).isTrue();
        assertThat(json.get("range").asBoolean()).isFalse();
        assertThat(json.get("datasource").get("uid").asText()).isEqualTo("${datasource}");
    }

    @Test
    void valueMappingResultsAreIndexedAcrossThePanel() {
        PanelSpec spec = stat("s")
                .mapping(new ValueMapping.Values(java.util.Map.of("0", new ValueMapping.Result("Down", "red"))))
                .mapping(ValueMapping.range(1.0, 5.0, "Few", "orange"))
                .mapping(ValueMapping.special(ValueMapping.Special.NULL, "None", "text"))
                .build();
        var mappings = spec.fieldDefaults().get("mappings");
        assertThat(mappings.get(0).at("/options/0/index").asInt()).isEqualTo(0);
        assertThat(mappings.get(1).at("/options/result/index").asInt()).isEqualTo(1);
        assertThat(mappings.get(2).at("/options/match").asText()).isEqualTo("null");
        assertThat(mappings.get(2).at("/options/result/index").asInt()).isEqualTo(2);
    }

    @Test
    void impossibleValuesAreRefusedWhenBuilding() {
        assertThatThrownBy(() -> Thresholds.from("green").at(0.8, "red").at(0.5, "yellow"))
                .hasMessageContaining("must increase");
        assertThat(new GridPos(20, 0, 6, 4).offGridReason()).contains("past the grid's 24 columns");
        assertThat(new GridPos(0, 0, 0, 4).offGridReason()).contains("at least 1");
        assertThat(new GridPos(18, 0, 6, 4).offGridReason()).isNull();
        assertThatThrownBy(() -> Dashboard.builder("bad uid!", "x")).hasMessageContaining("uid");
        assertThatThrownBy(
                        () -> Dashboard.builder("w", "w").panel(stat("too wide").size(25, 4)))
                .hasMessageContaining("panel \"too wide\" ends at column 25");
    }

    @Test
    void builtValuesCannotBeChangedFromOutside() {
        PanelSpec spec = stat("s").unit(Units.SECONDS).build();
        spec.options().put("colorMode", "none");
        spec.fieldDefaults().put("unit", "bytes");
        assertThat(spec.options().get("colorMode").asText()).isEqualTo("value");
        assertThat(spec.unit()).isEqualTo(Units.SECONDS);
    }

    static void assertNoOverlap(Dashboard d) {
        List<GridPos> all = new java.util.ArrayList<>();
        for (DashboardElement e : d.elements()) {
            all.add(e.gridPos());
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j)))
                        .as(all.get(i) + " vs " + all.get(j))
                        .isFalse();
            }
        }
    }

    /**
     * Compares with a golden file under src/test/resources. After an intended change, regenerate with
     * {@code ./mvnw test -Dtest=DashboardModelTest -Ddash.golden.update=true} and review the diff.
     */
    private static void assertGolden(String resource, String actual) throws IOException {
        if (Boolean.getBoolean("dash.golden.update")) {
            Path file = SharedDir.projectDir().resolve("src/test/resources").resolve(resource);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
            return;
        }
        try (InputStream in = DashboardModelTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
