package io.vertice.dash.validate.rules;

import static io.vertice.dash.validate.RuleHarness.dashboard;
import static io.vertice.dash.validate.RuleHarness.panel;
import static io.vertice.dash.validate.rules.RuleCase.json;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each dashboard-level rule as a table of named cases, one dashboard each. */
class DashboardRulesTest {
    private static final String GOOD_EXPR =
            "maximus_arousal_level{environment=\"$environment\", service_name=~\"$service\"}";

    private static String p(int id, int x, int y) {
        return panel(id, x, y, GOOD_EXPR, null);
    }

    private static String row(int id, int y, boolean collapsed, String inside) {
        return "{\"id\": " + id + ", \"type\": \"row\", \"title\": \"R" + id + "\", \"collapsed\": " + collapsed
                + ", \"gridPos\": {\"x\": 0, \"y\": " + y + ", \"w\": 24, \"h\": 1}, \"panels\": [" + inside + "]}";
    }

    /** A pre-v16 dashboard: rows[] with span-sized panels and no gridPos (Grafana lays them out). */
    private static String legacy(String panelJson) {
        return "{\"title\": \"Old\", \"schemaVersion\": 14, \"rows\": [{\"title\": \"R\", \"height\": \"250px\", \"panels\": ["
                + panelJson + "]}]}";
    }

    static Stream<RuleCase> duplicatePanelId() {
        return Stream.of(
                json(
                        "two panels with id 1",
                        dashboard(p(1, 0, 0) + "," + p(1, 12, 0)),
                        "panel id 1 is also used by \"P1\""),
                json(
                        "one inside a collapsed row",
                        dashboard(p(1, 0, 0) + "," + row(9, 8, true, p(1, 0, 9))),
                        "panel id 1 is also used"),
                json("unique ids", dashboard(p(1, 0, 0) + "," + p(2, 12, 0)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void duplicatePanelId(RuleCase c) {
        c.check(new DuplicatePanelIdRule());
    }

    static Stream<RuleCase> panelOffGrid() {
        return Stream.of(
                json("wider than the grid", dashboard(p(1, 14, 0)), "ends at column 26"),
                json("negative x", dashboard(p(1, -1, 0)), "negative"),
                json("no height", dashboard(p(1, 0, 0).replace("\"h\": 8", "\"h\": 0")), "no size"),
                json(
                        "no gridPos in a current dashboard",
                        dashboard(p(1, 0, 0).replace("\"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 12, \"h\": 8},", "")),
                        "has no gridPos"),
                json("on the grid", dashboard(p(1, 12, 0)), null),
                json(
                        "row panel with w 0 (drawn full width)",
                        dashboard(row(9, 0, false, "").replace("\"w\": 24", "\"w\": 0")),
                        null),
                json(
                        "pre-v16 panel with span and no gridPos",
                        legacy("{\"id\": 1, \"type\": \"graph\", \"title\": \"A\", \"span\": 6}"),
                        null),
                json(
                        "pre-v16 panel with an empty gridPos",
                        legacy("{\"id\": 1, \"type\": \"graph\", \"title\": \"A\", \"span\": 6, \"gridPos\": {}}"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void panelOffGrid(RuleCase c) {
        c.check(new PanelOffGridRule());
    }

    static Stream<RuleCase> panelOverlap() {
        return Stream.of(
                json("second covers the first", dashboard(p(1, 0, 0) + "," + p(2, 6, 4)), "overlaps \"P1\""),
                json("side by side and below", dashboard(p(1, 0, 0) + "," + p(2, 12, 0) + "," + p(3, 0, 8)), null),
                json(
                        "a collapsed row's panels have their own grid",
                        dashboard(row(9, 8, true, p(1, 0, 9)) + "," + p(2, 0, 9)),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void panelOverlap(RuleCase c) {
        c.check(new PanelOverlapRule());
    }

    static Stream<RuleCase> panelDescription() {
        return Stream.of(
                json(
                        "no description",
                        dashboard(p(1, 0, 0).replace("\"description\": \"d\",", "")),
                        "has no description"),
                json("described", dashboard(p(1, 0, 0)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void panelDescription(RuleCase c) {
        c.check(new PanelDescriptionRule());
    }

    static Stream<RuleCase> datasourceHardcoded() {
        String clickhouse = "{\"id\": 2, \"type\": \"table\", \"title\": \"CH\", \"description\": \"d\","
                + " \"datasource\": {\"type\": \"grafana-clickhouse-datasource\", \"uid\": \"ch1\"},"
                + " \"gridPos\": {\"x\": 0, \"y\": 8, \"w\": 24, \"h\": 8}, \"targets\": [{\"refId\": \"A\", \"rawSql\": \"SELECT 1\"}]}";
        return Stream.of(
                json(
                        "fixed uid on the panel",
                        dashboard(p(1, 0, 0).replace("${datasource}", "P1809F7CD0C75ACF3")),
                        "fixed datasource prometheus \"P1809F7CD0C75ACF3\""),
                json(
                        "fixed uid on a target",
                        dashboard(
                                p(1, 0, 0)
                                        .replace(
                                                "\"refId\": \"A\",",
                                                "\"refId\": \"A\", \"datasource\": {\"type\": \"prometheus\", \"uid\": \"abc\"},")),
                        "query uses the fixed datasource"),
                json(
                        "legacy datasource name",
                        dashboard(p(1, 0, 0)
                                .replace("{\"type\": \"prometheus\", \"uid\": \"${datasource}\"}", "\"Prometheus\"")),
                        "fixed datasource"),
                json(
                        "default datasource while a variable exists",
                        dashboard(p(1, 0, 0)
                                .replace(
                                        "\"datasource\": {\"type\": \"prometheus\", \"uid\": \"${datasource}\"},", "")),
                        "default"),
                json(
                        "no datasource variable at all",
                        "{\"title\": \"T\", \"panels\": ["
                                + panel(1, 0, 0, "up", null).replace("${datasource}", "abc") + "]}",
                        "add a datasource variable"),
                json("the datasource variable", dashboard(p(1, 0, 0)), null),
                json("a ClickHouse panel with its own datasource", dashboard(p(1, 0, 0) + "," + clickhouse), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void datasourceHardcoded(RuleCase c) {
        c.check(new HardcodedDatasourceRule());
    }

    static Stream<RuleCase> undefinedVariable() {
        String inputs = dashboard(p(1, 0, 0).replace("${datasource}", "${DS_PROMETHEUS}"))
                .replace(
                        "{\"title\": \"T\",",
                        "{\"__inputs\": [{\"name\": \"DS_PROMETHEUS\", \"type\": \"datasource\", \"pluginId\": \"prometheus\"}], \"title\": \"T\",");
        return Stream.of(
                json(
                        "in the query, with its position",
                        dashboard(panel(
                                1,
                                0,
                                0,
                                "rate(x{environment=\"$environment\", zone=\"${zone:regex}\"}[$__rate_interval])",
                                null)),
                        "the query uses $zone, which the dashboard does not define; add the variable or fix the name."),
                json(
                        "in the legend",
                        dashboard(panel(1, 0, 0, GOOD_EXPR, "{{state}} [[region]]")),
                        "the legend uses $region"),
                json(
                        "in the title",
                        dashboard(p(1, 0, 0).replace("\"title\": \"P1\"", "\"title\": \"Node $node\"")),
                        "the title uses $node"),
                json(
                        "repeat over an unknown variable",
                        dashboard(p(1, 0, 0).replace("\"title\": \"P1\"", "\"title\": \"P1\", \"repeat\": \"node\"")),
                        "repeats over variable \"node\", which the dashboard does not define."),
                json(
                        "defined, formatted and built-in",
                        dashboard(panel(
                                1,
                                0,
                                0,
                                "label_replace(rate(x{environment=\"$environment\", service_name=~\"${service:regex}\"}"
                                        + "[$__rate_interval]), \"a\", \"$1\", \"b\", \"(.*)\") * $__range_s",
                                "{{state}} $environment")),
                        null),
                json("declared in __inputs (filled on import)", inputs, null),
                json(
                        "escaped dollar in a regex",
                        dashboard(panel(1, 0, 0, "x{mountpoint!~\"^/(dev|proc|sys|run)\\\\$SYS\"}", null)),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void undefinedVariable(RuleCase c) {
        c.check(new UndefinedVariableRule());
    }
}
