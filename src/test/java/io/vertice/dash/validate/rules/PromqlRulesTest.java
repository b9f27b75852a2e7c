package io.vertice.dash.validate.rules;

import static io.vertice.dash.validate.RuleHarness.dashboard;
import static io.vertice.dash.validate.RuleHarness.panel;
import static io.vertice.dash.validate.rules.RuleCase.json;
import static io.vertice.dash.validate.rules.RuleCase.legend;
import static io.vertice.dash.validate.rules.RuleCase.passes;
import static io.vertice.dash.validate.rules.RuleCase.reports;
import static io.vertice.dash.validate.rules.RuleCase.reportsAt;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each PromQL rule as a table of named cases, one query each, against the small catalogue of RuleHarness. */
class PromqlRulesTest {
    private static final String F = "{environment=\"$environment\", service_name=~\"$service\"}";

    /** A dashboard with a custom variable {@code op} whose options are PromQL operators (Grafana's "text : value" form). */
    private static String withOperatorVariable(String options, String expr) {
        return dashboard(panel(1, 0, 0, expr, null))
                .replace(
                        "\"templating\": {\"list\": [",
                        "\"templating\": {\"list\": [{\"name\": \"op\", \"type\": \"custom\", \"query\": \"" + options
                                + "\"},");
    }

    private static String hidden(String expr) {
        return dashboard(panel(1, 0, 0, expr, null).replace("\"refId\": \"A\",", "\"refId\": \"A\", \"hide\": true,"));
    }

    private static String victoriaMetrics(String expr) {
        return dashboard(panel(1, 0, 0, expr, null))
                .replace("{\"title\": \"T\",", "{\"title\": \"T\", \"tags\": [\"victoriametrics\"],");
    }

    static Stream<RuleCase> promqlSyntax() {
        String opExpr = "up $op on (job) up";
        return Stream.of(
                reports(
                        "missing parenthesis",
                        "sum(rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])",
                        "unclosed left parenthesis"),
                reports(
                        "instant vector where rate needs a range",
                        "rate(maximus_arousal_level" + F + ")",
                        "range vector"),
                passes(
                        "balanced and typed",
                        "sum(rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))"),
                passes("an empty target is not a query", ""),
                json(
                        "a hidden target is at most info",
                        hidden("sum(rate(x[5m])"),
                        "hidden, so Grafana does not run it"),
                json(
                        "a custom variable standing for operators, every value valid",
                        withOperatorVariable("Include : or, Exclude : unless", opExpr),
                        null),
                json(
                        "a custom variable with one value that breaks the query",
                        withOperatorVariable("or,+,nope", opExpr),
                        "with $op = \"nope\" the query Grafana sends does not parse"),
                json(
                        "a custom variable whose every value breaks the query",
                        withOperatorVariable("nope,never", opExpr),
                        "unexpected Grafana variable"),
                json(
                        "MetricsQL on a dashboard for VictoriaMetrics is not reported",
                        victoriaMetrics("topk_max(5, rate(maximus_arousal_level)) by (job) limit 3 default 0"),
                        null),
                json(
                        "a query VictoriaMetrics rejects is still an error on its dashboards",
                        victoriaMetrics("topk_max(5, maximus_arousal_level"),
                        "as MetricsQL (VictoriaMetrics' dialect): unclosed left parenthesis"),
                json(
                        "MetricsQL on a Prometheus dashboard is an error",
                        dashboard(panel(1, 0, 0, "topk_max(5, maximus_arousal_level)", null)),
                        "unknown function"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void promqlSyntax(RuleCase c) {
        c.check(new PromqlSyntaxRule());
    }

    static Stream<RuleCase> unknownMetric() {
        return Stream.of(
                reportsAt(
                        "typo, with the closest name",
                        "maximus_arousal_levle" + F,
                        "metric maximus_arousal_levle is not in the metric catalogue; did you mean maximus_arousal_level?",
                        1),
                reports(
                        "counter without _total",
                        "rate(maximus_esgt_ignition_events" + F + "[5m])",
                        "maximus_esgt_ignition_events"),
                passes(
                        "histogram bucket",
                        "histogram_quantile(0.9, sum by (le) (rate(maximus_esgt_duration_seconds_bucket" + F
                                + "[$__rate_interval])))"),
                passes("histogram sum", "rate(maximus_esgt_duration_seconds_sum[5m])"),
                passes("histogram count", "rate(maximus_esgt_duration_seconds_count[5m])"),
                passes("counter with _total", "rate(maximus_esgt_ignition_events_total[5m])"),
                passes("up", "up"),
                passes("scrape series", "scrape_duration_seconds"),
                passes("ALERTS", "ALERTS"),
                passes("metric name from a variable", "${metric}" + F),
                json("a hidden target is not judged", hidden("maximus_arousal_levle" + F), null),
                json(
                        "metric of a query variable",
                        dashboard(panel(1, 0, 0, "maximus_arousal_level" + F, null))
                                .replace(
                                        "label_values(maximus_arousal_level, environment)",
                                        "label_values(maximus_arousal_levl, environment)"),
                        "did you mean maximus_arousal_level?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownMetric(RuleCase c) {
        c.check(new UnknownMetricRule());
    }

    static Stream<RuleCase> unknownLabel() {
        return Stream.of(
                reportsAt(
                        "matcher on a missing label",
                        "maximus_arousal_level{zone=\"eu\"}",
                        "metric maximus_arousal_level has no label zone (its labels: environment, instance, job, service_name)",
                        23),
                reports(
                        "grouping by a missing label",
                        "sum by (state) (maximus_arousal_level" + F + ")",
                        "sum by (state): the aggregated series have no label state"),
                reports(
                        "grouping numbers says they have no labels",
                        "sum by (state) (vector(1))",
                        "sum by (state): the aggregated series have no label state (they have no labels)."),
                passes("grouping by a label the metric has", "sum by (state) (maximus_arousal_state" + F + ")"),
                passes("matcher that accepts the empty value", "maximus_arousal_level{zone=\"\"}"),
                passes("target labels on up", "up{cluster=\"eu\", namespace=\"cockpit\"}"),
                passes("target labels on scrape series", "scrape_samples_scraped{cluster=\"eu\"}"),
                passes("grouping up by a target label", "sum by (cluster) (up)"),
                json(
                        "label_values of a missing label",
                        dashboard(panel(1, 0, 0, "maximus_arousal_level" + F, null))
                                .replace("service_name)\"", "zone)\""),
                        "label_values(..., zone): the series have no label zone"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownLabel(RuleCase c) {
        c.check(new UnknownLabelRule());
    }

    static Stream<RuleCase> unknownLabelValue() {
        return Stream.of(
                reportsAt(
                        "literal value never seen",
                        "maximus_arousal_state{state=\"focused\"}",
                        "label state of maximus_arousal_state: value \"focused\" never occurs; known values: sleep, drowsy, relaxed, alert, hyperalert.",
                        29),
                reports(
                        "regex matching no value",
                        "maximus_arousal_state{state=~\"focus.*|calm\"}",
                        "regex \"focus.*|calm\" matches none of its values"),
                passes("known value", "maximus_arousal_state{state=\"alert\", environment=\"$environment\"}"),
                passes("regex matching a value", "maximus_arousal_state{state=~\"hyper.*\"}"),
                passes("negative matcher", "maximus_arousal_state{state!=\"focused\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void unknownLabelValue(RuleCase c) {
        c.check(new UnknownLabelValueRule());
    }

    static Stream<RuleCase> rateOnGauge() {
        return Stream.of(
                reports(
                        "rate of a gauge",
                        "rate(maximus_arousal_level" + F + "[$__rate_interval])",
                        "rate() over maximus_arousal_level, which is a gauge; use deriv() or the gauge itself."),
                passes("rate of a counter", "rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])"),
                passes("deriv of a gauge", "deriv(maximus_arousal_level[5m])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void rateOnGauge(RuleCase c) {
        c.check(new RateOnGaugeRule());
    }

    static Stream<RuleCase> counterWithoutRate() {
        return Stream.of(
                reports(
                        "raw counter summed",
                        "sum(maximus_esgt_ignition_events_total" + F + ")",
                        "maximus_esgt_ignition_events_total is a counter shown raw"),
                reports("raw histogram count", "maximus_esgt_duration_seconds_count" + F, "is a counter shown raw"),
                passes("increase", "sum(increase(maximus_esgt_ignition_events_total" + F + "[$__range]))"),
                passes("count reads no value", "count(maximus_esgt_ignition_events_total)"),
                passes(
                        "subquery read by a range function",
                        "max_over_time(rate(maximus_esgt_ignition_events_total[1m])[1h:])"),
                passes("absent reads no value", "absent(maximus_esgt_ignition_events_total)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void counterWithoutRate(RuleCase c) {
        c.check(new CounterWithoutRateRule());
    }

    static Stream<RuleCase> histogramQuantile() {
        return Stream.of(
                reports(
                        "aggregation drops le",
                        "histogram_quantile(0.95, sum by (service_name) (rate(maximus_esgt_duration_seconds_bucket" + F
                                + "[$__rate_interval])))",
                        "histogram_quantile input has no le label: sum by (service_name) removes it;"
                                + " keep le in the grouping, e.g. sum by (le) (...)."),
                reports(
                        "not a bucket series",
                        "histogram_quantile(0.95, rate(maximus_esgt_duration_seconds_sum[5m]))",
                        "not a histogram's _bucket series; use maximus_esgt_duration_seconds_bucket."),
                passes(
                        "by le",
                        "histogram_quantile(0.95, sum by (le, service_name) (rate(maximus_esgt_duration_seconds_bucket"
                                + F + "[$__rate_interval])))"),
                passes(
                        "without keeps le",
                        "histogram_quantile(0.5, sum without (service_name) (rate(maximus_esgt_duration_seconds_bucket[5m])))"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void histogramQuantile(RuleCase c) {
        c.check(new HistogramQuantileRule());
    }

    static Stream<RuleCase> fixedRateWindow() {
        return Stream.of(
                reportsAt(
                        "five minutes",
                        "rate(maximus_esgt_ignition_events_total" + F + "[5m])",
                        "rate() over a fixed [5m] window; use [$__rate_interval].",
                        ("rate(maximus_esgt_ignition_events_total" + F + "[").length() + 1),
                passes("$__rate_interval", "rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])"),
                passes("an hour is deliberate", "increase(maximus_esgt_ignition_events_total[1h])"),
                passes("not a rate", "avg_over_time(maximus_arousal_level[5m])"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void fixedRateWindow(RuleCase c) {
        c.check(new FixedRateWindowRule());
    }

    static Stream<RuleCase> legendLabel() {
        return Stream.of(
                legend(
                        "label removed by the aggregation",
                        "sum by (service_name) (rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))",
                        "{{outcome}}",
                        "the legend uses {{outcome}}, but the query's result only has service_name."),
                legend(
                        "aggregation without grouping",
                        "sum(maximus_arousal_level)",
                        "{{ environment }}",
                        "the legend uses {{environment}}, but the query's result has no labels"),
                legend(
                        "vector matching drops it",
                        "maximus_arousal_level / on (environment) maximus_tig_nodes_active",
                        "{{service_name}}",
                        "only has environment"),
                legend(
                        "by keeps it",
                        "sum by (outcome) (rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))",
                        "{{outcome}}",
                        null),
                legend(
                        "without keeps the rest",
                        "sum without (instance, job) (maximus_arousal_state)",
                        "{{state}} {{environment}}",
                        null),
                legend(
                        "label_replace adds it",
                        "label_replace(sum(maximus_arousal_level), \"band\", \"x\", \"\", \"\")",
                        "{{band}}",
                        null),
                legend(
                        "group_left brings it",
                        "maximus_arousal_level * on (environment) group_left (state) maximus_arousal_state",
                        "{{state}} {{service_name}}",
                        null),
                legend(
                        "histogram_quantile keeps the grouping",
                        "histogram_quantile(0.9, sum by (le, service_name) (rate(maximus_esgt_duration_seconds_bucket[5m])))",
                        "{{service_name}}",
                        null),
                legend(
                        "by a label the catalogue does not know",
                        "sum by (cluster) (rate(maximus_esgt_ignition_events_total[5m]))",
                        "{{cluster}}",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void legendLabel(RuleCase c) {
        c.check(new LegendLabelRule());
    }

    private static String withUnit(String expr, String unit) {
        return dashboard(panel(1, 0, 0, expr, null)
                .replace("\"targets\"", "\"fieldConfig\": {\"defaults\": {\"unit\": \"" + unit + "\"}}, \"targets\""));
    }

    static Stream<RuleCase> ratioUnit() {
        return Stream.of(
                json(
                        "_ratio metric as percent",
                        withUnit("avg(maximus_esgt_success_ratio" + F + ")", "percent"),
                        "maximus_esgt_success_ratio ends in _ratio"),
                json(
                        "help says 0..1",
                        withUnit("maximus_phi_proxy" + F, "percent"),
                        "the help of maximus_phi_proxy says 0..1"),
                json(
                        "rate divided by rate",
                        withUnit(
                                "sum(rate(maximus_esgt_ignition_events_total{outcome=\"success\"}[5m]))"
                                        + " / sum(rate(maximus_esgt_ignition_events_total[5m]))",
                                "percent"),
                        "a rate divided by a rate"),
                json("times 100", withUnit("100 * avg(maximus_esgt_success_ratio)", "percent"), null),
                json("percentunit", withUnit("avg(maximus_esgt_success_ratio)", "percentunit"), null),
                json(
                        "a mean is not a ratio",
                        withUnit(
                                "rate(maximus_esgt_duration_seconds_sum[5m]) / rate(maximus_esgt_duration_seconds_count[5m])",
                                "percent"),
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void ratioUnit(RuleCase c) {
        c.check(new RatioUnitRule());
    }

    private static String repeatedPanel(String expr) {
        return dashboard(
                panel(1, 0, 0, expr, null).replace("\"title\": \"P1\"", "\"title\": \"P1\", \"repeat\": \"service\""));
    }

    private static String repeatedRow(String expr) {
        return dashboard(
                "{\"id\": 9, \"type\": \"row\", \"title\": \"$service\", \"repeat\": \"service\", \"collapsed\": false,"
                        + " \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 1}, \"panels\": []},"
                        + panel(1, 0, 1, expr, null));
    }

    private static String repeatedCollapsedRow(String expr) {
        return dashboard(
                "{\"id\": 9, \"type\": \"row\", \"title\": \"$service\", \"repeat\": \"service\", \"collapsed\": true,"
                        + " \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 1}, \"panels\": ["
                        + panel(1, 0, 1, expr, null) + "]}");
    }

    private static String legacyRepeatedRow(String expr) {
        return """
                {"title": "T", "schemaVersion": 14,
                 "templating": {"list": [{"name": "service", "type": "query", "multi": true, "includeAll": true, "query": "label_values(up, job)"}]},
                 "rows": [{"title": "$service", "repeat": "service", "panels": [%s]}]}
                """
                .formatted(panel(1, 0, 0, expr, null));
    }

    static Stream<RuleCase> multiValueEquality() {
        String eq = "maximus_arousal_level{environment=\"$environment\", service_name=\"$service\"}";
        String otherRow = dashboard(
                "{\"id\": 9, \"type\": \"row\", \"title\": \"$service\", \"repeat\": \"service\", \"collapsed\": false,"
                        + " \"gridPos\": {\"x\": 0, \"y\": 0, \"w\": 24, \"h\": 1}, \"panels\": []},"
                        + panel(1, 0, 1, eq, null)
                        + ", {\"id\": 10, \"type\": \"row\", \"title\": \"Other\", \"collapsed\": false,"
                        + " \"gridPos\": {\"x\": 0, \"y\": 9, \"w\": 24, \"h\": 1}, \"panels\": []},"
                        + panel(2, 0, 10, eq, null));
        return Stream.of(
                reportsAt(
                        "multi-value variable in =",
                        eq,
                        "variable $service allows several values (multi or All) but service_name= compares literally; use service_name=~.",
                        65),
                passes("=~", "maximus_arousal_level" + F),
                passes("single-value variable in =", "maximus_arousal_level{environment=\"$environment\"}"),
                json("panel repeated over the variable", repeatedPanel(eq), null),
                json("inside a row repeated over the variable", repeatedRow(eq), null),
                json("inside a collapsed row repeated over the variable", repeatedCollapsedRow(eq), null),
                json("inside a repeated row of a pre-v16 dashboard", legacyRepeatedRow("up{job=\"$service\"}"), null),
                json("in the next, unrepeated row", otherRow, "variable $service allows several values"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void multiValueEquality(RuleCase c) {
        c.check(new MultiValueEqualityRule());
    }
}
