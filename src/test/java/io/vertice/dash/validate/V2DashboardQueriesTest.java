package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12: validate finds every query of a v2 dashboard. Each of Grafana's own conversion fixtures
 * ({@code ../shared/grafana-v2/conversion}) is a dashboard in one schema and Grafana's conversion of it
 * into the other; read through {@link DashboardReader}, both must give validate the same queries
 * (panel targets inside rows and tabs, annotations, query variables) at the same places, and a
 * library panel reference none, as in classic.
 */
class V2DashboardQueriesTest {
    private static final java.util.Set<String> GRAFANA_VARIABLE_TYPES = java.util.Set.of(
            "query", "custom", "textbox", "constant", "datasource", "interval", "adhoc", "groupby", "switch");

    /** Grafana's pairs: input/X.json and output/X.<version>.json, one of them v2. */
    static Stream<String> pairs() throws IOException {
        Path outputs = SharedDir.require("grafana-v2/conversion").resolve("output");
        try (Stream<Path> s = Files.walk(outputs)) {
            return s
                    .filter(p -> p.toString().endsWith(".json"))
                    .map(p -> outputs.relativize(p).toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void bothSchemasOfOneDashboardGiveValidateTheSameQueries(String output) throws IOException {
        Path base = SharedDir.require("grafana-v2/conversion");
        String input = output.replaceFirst("\\.v[0-9a-z]+\\.json$", ".json");
        DashboardDocument in = DashboardReader.read(base.resolve("input").resolve(input));
        DashboardDocument out = DashboardReader.read(base.resolve("output").resolve(output));
        assertThat(List.of(in.schema(), out.schema()))
                .as("one side of each pair is v2")
                .contains(DashboardDocument.Schema.V2)
                .contains(DashboardDocument.Schema.CLASSIC);

        List<String> fromInput = queries(in);
        List<String> fromOutput = queries(out);

        assertThat(fromInput).as("what validate sees of %s", input).isNotEmpty();
        assertThat(fromInput)
                .as("%s (%s) against %s (%s)", input, in.apiVersion(), output, out.apiVersion())
                .containsExactlyInAnyOrderElementsOf(fromOutput);
    }

    /**
     * What validate sees of a dashboard: each panel with its targets' refIds (the fixtures query test
     * data sources more than Prometheus), each variable with its query, each annotation, and the PromQL
     * queries the rules run on. Left out is what Grafana's classic to v2 conversion drops, so that the v2
     * side really lacks: a row's own targets (Grafana never runs them) and variables of a type Grafana
     * does not know.
     */
    private static List<String> queries(DashboardDocument d) {
        DashboardView v = DashboardView.of(d);
        List<String> out = new java.util.ArrayList<>();
        for (PanelView p : v.panels()) {
            out.add("panel " + p.label()
                    + (p.isRow()
                            ? " (row)"
                            : " " + p.targets().stream().map(TargetView::refId).toList()));
        }
        v.variables().values().stream()
                .filter(x -> GRAFANA_VARIABLE_TYPES.contains(x.type()))
                .forEach(x -> out.add("variable " + x.name() + " (" + x.type() + "): " + x.query()));
        v.annotations().forEach(a -> out.add("annotation " + a.name() + (a.builtIn() ? " (built in)" : "")));
        v.queries().forEach(q -> out.add("query " + q.location() + " › " + q.refId() + " › " + q.expr()));
        return out;
    }
}
