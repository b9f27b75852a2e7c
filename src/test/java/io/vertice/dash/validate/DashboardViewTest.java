package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DashboardViewTest {

    @Test
    void unwrapsApiResponsesAndReadsCollapsedRowsTargetsVariablesAndAnnotations() {
        DashboardView d = DashboardView.of(
                RuleHarness.input(
                        """
                {"meta": {"slug": "x"}, "dashboard": {
                  "title": "Wrapped", "uid": "w",
                  "templating": {"list": [
                    {"name": "datasource", "type": "datasource", "query": "prometheus"},
                    {"name": "env", "type": "custom", "query": "prod,staging", "current": {}, "options": []},
                    {"name": "q", "type": "query", "query": {"query": "label_values(up, job)", "refId": "A"},
                     "current": {"value": ["a", "b"]}}]},
                  "annotations": {"list": [
                    {"builtIn": 1, "name": "Annotations & Alerts", "datasource": {"type": "grafana", "uid": "-- Grafana --"}},
                    {"name": "Ignitions", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                     "expr": "changes(x[1m]) > 0", "titleFormat": "{{outcome}}", "enable": true}]},
                  "panels": [
                    {"id": 1, "type": "row", "title": "Open", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": []},
                    {"id": 2, "type": "stat", "title": "S", "datasource": {"type": "prometheus", "uid": "${datasource}"},
                     "fieldConfig": {"defaults": {"unit": "percentunit"}},
                     "targets": [{"refId": "A", "expr": "up"}, {"refId": "B", "expr": "up", "hide": true}]},
                    {"id": 3, "type": "row", "title": "Closed", "collapsed": true, "panels": [
                      {"id": 4, "type": "table", "title": "", "datasource": {"type": "loki", "uid": "l"},
                       "targets": [{"refId": "A", "expr": "{job=\\"x\\"}"}]},
                      {"id": 5, "type": "heatmap", "title": "H", "targets": [{"refId": "C", "expr": "rate(x_bucket[5m])"}]}]}
                  ]}}
                """));
        assertThat(d.title()).isEqualTo("Wrapped");
        assertThat(d.panels()).extracting(PanelView::label).containsExactly("Open", "S", "Closed", "panel 4", "H");
        assertThat(d.panels().get(3).layout()).isEqualTo(1);
        assertThat(d.panels().get(3).row()).isEqualTo("Closed");
        assertThat(d.panels().get(1).unit()).isEqualTo("percentunit");
        assertThat(d.variables().get("q").query()).isEqualTo("label_values(up, job)");
        assertThat(d.variables().get("q").effectiveValues()).containsExactly("a", "b");
        assertThat(d.variables().get("env").effectiveValues()).containsExactly("prod");
        // the Loki target is not PromQL; the annotation is
        assertThat(d.queries())
                .extracting(QueryView::location, QueryView::refId, QueryView::expr)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("S", "A", "up"),
                        org.assertj.core.groups.Tuple.tuple("S", "B", "up"),
                        org.assertj.core.groups.Tuple.tuple("H", "C", "rate(x_bucket[5m])"),
                        org.assertj.core.groups.Tuple.tuple("annotation Ignitions", null, "changes(x[1m]) > 0"),
                        org.assertj.core.groups.Tuple.tuple("variable q", null, "up"));
        assertThat(d.queries().get(4).variableLabel()).isEqualTo("job");
        assertThat(d.queries().get(1).hidden()).isTrue();
        assertThat(d.queries().get(3).templates()).containsExactly("{{outcome}}");
    }

    @Test
    void readsPreV16RowsSchema() {
        DashboardView d = DashboardView.of(
                RuleHarness.input(
                        """
                {"title": "Old", "rows": [{"title": "R", "panels": [{"id": 1, "type": "graph", "title": "G",
                  "yaxes": [{"format": "percent"}], "targets": [{"refId": "A", "expr": "up"}]}]}]}
                """));
        assertThat(d.panels()).hasSize(1);
        assertThat(d.panels().get(0).unit()).isEqualTo("percent");
        assertThat(d.queries()).hasSize(1);
    }

    @Test
    void somethingThatIsNotADashboardIsAnInputErrorNamingTheFile() {
        assertThatThrownBy(() -> DashboardView.of(RuleHarness.input("[1, 2]")))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("test.json is not a Grafana dashboard")
                .satisfies(e -> assertThat(((DashException) e).exitCode()).isEqualTo(ExitCodes.USAGE));
        assertThatThrownBy(() -> DashboardView.of(RuleHarness.input("{\"foo\": 1}")))
                .hasMessageContaining("no \"panels\"");
    }

    @Test
    void malformedJsonFileNamesFileAndPosition(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "{\n  \"title\": \"x\",\n  \"panels\": [\n}");
        assertThatThrownBy(() -> io.vertice.dash.document.DashboardReader.read(f))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("broken.json is not valid JSON at line 4");
    }
}
