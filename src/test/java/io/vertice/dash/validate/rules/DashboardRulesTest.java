package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Finding;
import io.vertice.dash.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vertice.dash.validate.RuleHarness.dashboard;
import static io.vertice.dash.validate.RuleHarness.panel;
import static io.vertice.dash.validate.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Each dashboard-level rule with a failing and a passing dashboard. */
class DashboardRulesTest {
    private static final String GOOD_EXPR = "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}";

    @Test
    void duplicatePanelIds() {
        List<Finding> bad = run(new DuplicatePanelIdRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null) + "," + panel(1, 12, 0, GOOD_EXPR, null)));
        assertThat(bad).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("duplicate-panel-id");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("panel id 1 is also used by \"P1\"");
        });
        assertThat(run(new DuplicatePanelIdRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null) + "," + panel(2, 12, 0, GOOD_EXPR, null)))).isEmpty();
    }

    @Test
    void duplicateIdsInsideCollapsedRowsCount() {
        String json = dashboard(panel(1, 0, 0, GOOD_EXPR, null) + ", {\"id\": 9, \"type\": \"row\", \"title\": \"R\", \"collapsed\": true,"
                + "\"gridPos\": {\"x\": 0, \"y\": 8, \"w\": 24, \"h\": 1}, \"panels\": [" + panel(1, 0, 9, GOOD_EXPR, null) + "]}");
        assertThat(run(new DuplicatePanelIdRule(), json)).hasSize(1);
    }

    @Test
    void offGridPanels() {
        String wide = panel(1, 14, 0, GOOD_EXPR, null); // 14 + 12 = 26 > 24
        assertThat(run(new PanelOffGridRule(), dashboard(wide))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ends at column 26"));
        String negative = panel(1, -1, 0, GOOD_EXPR, null);
        assertThat(run(new PanelOffGridRule(), dashboard(negative))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("negative"));
        String zero = panel(1, 0, 0, GOOD_EXPR, null).replace("\"h\": 8", "\"h\": 0");
        assertThat(run(new PanelOffGridRule(), dashboard(zero))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("no size"));
        assertThat(run(new PanelOffGridRule(), dashboard(panel(1, 12, 0, GOOD_EXPR, null)))).isEmpty();
    }

    @Test
    void overlappingPanels() {
        List<Finding> bad = run(new PanelOverlapRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null) + "," + panel(2, 6, 4, GOOD_EXPR, null)));
        assertThat(bad).singleElement().satisfies(f -> {
            assertThat(f.panel()).isEqualTo("P2");
            assertThat(f.message()).contains("overlaps \"P1\"");
        });
        // side by side and below: no overlap
        assertThat(run(new PanelOverlapRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null) + "," + panel(2, 12, 0, GOOD_EXPR, null)
                + "," + panel(3, 0, 8, GOOD_EXPR, null)))).isEmpty();
    }

    @Test
    void panelsOfACollapsedRowHaveTheirOwnGrid() {
        // the row's hidden panel sits at y=9 like the next top-level panel: Grafana stores it that way
        String json = dashboard("{\"id\": 9, \"type\": \"row\", \"title\": \"R\", \"collapsed\": true,"
                + "\"gridPos\": {\"x\": 0, \"y\": 8, \"w\": 24, \"h\": 1}, \"panels\": [" + panel(1, 0, 9, GOOD_EXPR, null) + "]},"
                + panel(2, 0, 9, GOOD_EXPR, null));
        assertThat(run(new PanelOverlapRule(), json)).isEmpty();
    }

    @Test
    void panelWithoutDescriptionIsInfo() {
        String bare = panel(1, 0, 0, GOOD_EXPR, null).replace("\"description\": \"d\",", "");
        assertThat(run(new PanelDescriptionRule(), dashboard(bare))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.rule()).isEqualTo("panel-description");
        });
        assertThat(run(new PanelDescriptionRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null)))).isEmpty();
    }

    @Test
    void hardCodedDatasource() {
        String fixed = panel(1, 0, 0, GOOD_EXPR, null).replace("${datasource}", "P1809F7CD0C75ACF3");
        assertThat(run(new HardcodedDatasourceRule(), dashboard(fixed))).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("fixed datasource prometheus \"P1809F7CD0C75ACF3\"").contains("use ${datasource}");
        });
        String fixedTarget = panel(1, 0, 0, GOOD_EXPR, null).replace("\"refId\": \"A\",",
                "\"refId\": \"A\", \"datasource\": {\"type\": \"prometheus\", \"uid\": \"abc\"},");
        assertThat(run(new HardcodedDatasourceRule(), dashboard(fixedTarget))).singleElement()
                .satisfies(f -> assertThat(f.refId()).isEqualTo("A"));
        String legacyName = panel(1, 0, 0, GOOD_EXPR, null).replace("{\"type\": \"prometheus\", \"uid\": \"${datasource}\"}", "\"Prometheus\"");
        assertThat(run(new HardcodedDatasourceRule(), dashboard(legacyName))).hasSize(1);
        String defaultDs = panel(1, 0, 0, GOOD_EXPR, null).replace("\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"},", "");
        assertThat(run(new HardcodedDatasourceRule(), dashboard(defaultDs))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("default"));
        assertThat(run(new HardcodedDatasourceRule(), dashboard(panel(1, 0, 0, GOOD_EXPR, null)))).isEmpty();
    }

    @Test
    void hardCodedDatasourceWithoutAnyVariableSuggestsAddingOne() {
        String json = "{\"title\": \"T\", \"panels\": [" + panel(1, 0, 0, "up", null).replace("${datasource}", "abc") + "]}";
        assertThat(run(new HardcodedDatasourceRule(), json)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("add a datasource variable"));
    }

    @Test
    void undefinedVariables() {
        String bad = panel(1, 0, 0, "rate(x{environment=\"$environment\", zone=\"${zone:regex}\"}[$__rate_interval])",
                "{{state}} [[region]]");
        List<Finding> found = run(new UndefinedVariableRule(), dashboard(bad));
        assertThat(found).extracting(Finding::message).containsExactlyInAnyOrder(
                "the query uses $zone, which the dashboard does not define; add the variable or fix the name.",
                "the legend uses $region, which the dashboard does not define; add the variable or fix the name.");
        Finding inExpr = found.stream().filter(f -> f.line() != null).findFirst().orElseThrow();
        assertThat(inExpr.column()).isEqualTo(42);
        assertThat(inExpr.line()).isEqualTo(1);
        String good = panel(1, 0, 0, "label_replace(rate(x{environment=\"$environment\", service_name=~\"${service:regex}\"}[$__rate_interval]), \"a\", \"$1\", \"b\", \"(.*)\") * $__range_s",
                "{{state}} $environment");
        assertThat(run(new UndefinedVariableRule(), dashboard(good))).isEmpty();
    }

    @Test
    void undefinedVariableInTitleAndRepeat() {
        String bad = panel(1, 0, 0, GOOD_EXPR, null).replace("\"title\": \"P1\"", "\"title\": \"Node $node\", \"repeat\": \"node\"");
        assertThat(run(new UndefinedVariableRule(), dashboard(bad))).extracting(Finding::message).containsExactlyInAnyOrder(
                "the title uses $node, which the dashboard does not define; add the variable or fix the name.",
                "repeats over variable \"node\", which the dashboard does not define.");
    }
}
