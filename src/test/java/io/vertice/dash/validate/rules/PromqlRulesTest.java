package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Finding;
import io.vertice.dash.validate.Rule;
import io.vertice.dash.validate.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.vertice.dash.validate.RuleHarness.dashboard;
import static io.vertice.dash.validate.RuleHarness.panel;
import static io.vertice.dash.validate.RuleHarness.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Each PromQL rule with a failing and a passing query, against the small catalogue of RuleHarness. */
class PromqlRulesTest {
    private static final String F = "{environment=\"$environment\", service_name=~\"$service\"}";

    private static List<Finding> check(Rule rule, String expr) {
        return run(rule, dashboard(panel(1, 0, 0, expr, null)));
    }

    private static List<Finding> check(Rule rule, String expr, String legend) {
        return run(rule, dashboard(panel(1, 0, 0, expr, legend)));
    }

    @Test
    void syntaxErrorsCarryTheParsersPositionInTheOriginalText() {
        List<Finding> found = check(new PromqlSyntaxRule(), "sum(rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("promql-syntax");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.line()).isEqualTo(1);
            assertThat(f.column()).isGreaterThan(1);
            assertThat(f.refId()).isEqualTo("A");
            assertThat(f.panel()).isEqualTo("P1");
        });
        List<Finding> type = check(new PromqlSyntaxRule(), "rate(maximus_arousal_level" + F + ")");
        assertThat(type).singleElement().satisfies(f -> assertThat(f.message()).containsIgnoringCase("range vector"));
        assertThat(check(new PromqlSyntaxRule(), "sum(rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))")).isEmpty();
    }

    @Test
    void unknownMetricWithSuggestionAndKnownSuffixesAndPrometheusSeries() {
        List<Finding> found = check(new UnknownMetricRule(), "maximus_arousal_levle" + F);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("metric maximus_arousal_levle is not in the metric catalogue; did you mean maximus_arousal_level?");
            assertThat(f.column()).isEqualTo(1);
        });
        assertThat(check(new UnknownMetricRule(), "rate(maximus_esgt_ignition_events" + F + "[5m])")).hasSize(1); // counter without _total
        assertThat(check(new UnknownMetricRule(), "histogram_quantile(0.9, sum by (le) (rate(maximus_esgt_duration_seconds_bucket" + F
                + "[$__rate_interval]))) + rate(maximus_esgt_duration_seconds_sum[5m]) + rate(maximus_esgt_duration_seconds_count[5m])"
                + " + rate(maximus_esgt_ignition_events_total[5m]) + up + scrape_duration_seconds + ALERTS")).isEmpty();
        assertThat(check(new UnknownMetricRule(), "${metric}" + F)).isEmpty(); // a variable name cannot be checked
    }

    @Test
    void unknownLabelOnMetricAndInGrouping() {
        List<Finding> found = check(new UnknownLabelRule(), "maximus_arousal_level{zone=\"eu\"}");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("metric maximus_arousal_level has no label zone (its labels: environment, instance, job, service_name)");
            assertThat(f.column()).isEqualTo(23);
        });
        assertThat(check(new UnknownLabelRule(), "sum by (state) (maximus_arousal_level" + F + ")")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("sum by (state): the aggregated series have no label state"));
        assertThat(check(new UnknownLabelRule(), "sum by (state) (maximus_arousal_state" + F + ") + maximus_arousal_level{zone=\"\"}"))
                .isEmpty();
    }

    @Test
    void literalLabelValueTheMetricNeverHas() {
        List<Finding> found = check(new UnknownLabelValueRule(), "maximus_arousal_state{state=\"focused\"}");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("label state of maximus_arousal_state: value \"focused\" never occurs; "
                    + "known values: sleep, drowsy, relaxed, alert, hyperalert.");
            assertThat(f.column()).isEqualTo(29);
        });
        assertThat(check(new UnknownLabelValueRule(), "maximus_arousal_state{state=~\"focus.*|calm\"}")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("regex \"focus.*|calm\" matches none of its values"));
        assertThat(check(new UnknownLabelValueRule(), "maximus_arousal_state{state=\"alert\", environment=\"$environment\"}"
                + " + maximus_arousal_state{state=~\"hyper.*\"} + maximus_arousal_state{state!=\"focused\"}")).isEmpty();
    }

    @Test
    void rateOnGauge() {
        assertThat(check(new RateOnGaugeRule(), "rate(maximus_arousal_level" + F + "[$__rate_interval])")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("rate() over maximus_arousal_level, which is a gauge; use deriv() or the gauge itself."));
        assertThat(check(new RateOnGaugeRule(), "rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])"
                + " + deriv(maximus_arousal_level[5m])")).isEmpty();
    }

    @Test
    void counterShownRaw() {
        assertThat(check(new CounterWithoutRateRule(), "sum(maximus_esgt_ignition_events_total" + F + ")")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).startsWith("maximus_esgt_ignition_events_total is a counter shown raw");
                });
        assertThat(check(new CounterWithoutRateRule(), "maximus_esgt_duration_seconds_count" + F)).hasSize(1);
        assertThat(check(new CounterWithoutRateRule(), "sum(increase(maximus_esgt_ignition_events_total" + F + "[$__range]))"
                + " + count(maximus_esgt_ignition_events_total) + max_over_time(rate(maximus_esgt_ignition_events_total[1m])[1h:])"
                + " + absent(maximus_esgt_ignition_events_total)")).isEmpty();
    }

    @Test
    void histogramQuantileNeedsBucketsWithLe() {
        assertThat(check(new HistogramQuantileRule(), "histogram_quantile(0.95, sum by (service_name) (rate(maximus_esgt_duration_seconds_bucket"
                + F + "[$__rate_interval])))")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("histogram_quantile input has no le label: sum by (service_name) removes it;"
                        + " keep le in the grouping, e.g. sum by (le) (...)."));
        assertThat(check(new HistogramQuantileRule(), "histogram_quantile(0.95, rate(maximus_esgt_duration_seconds_sum[5m]))")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("not a histogram's _bucket series; use maximus_esgt_duration_seconds_bucket."));
        assertThat(check(new HistogramQuantileRule(), "histogram_quantile(0.95, sum by (le, service_name) (rate(maximus_esgt_duration_seconds_bucket"
                + F + "[$__rate_interval]))) + histogram_quantile(0.5, sum without (service_name) (rate(maximus_esgt_duration_seconds_bucket[5m])))"))
                .isEmpty();
    }

    @Test
    void fixedRateWindow() {
        List<Finding> found = check(new FixedRateWindowRule(), "rate(maximus_esgt_ignition_events_total" + F + "[5m])");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("rate() over a fixed [5m] window; use [$__rate_interval].");
            assertThat(f.column()).isEqualTo(("rate(maximus_esgt_ignition_events_total" + F + "[").length() + 1);
        });
        assertThat(check(new FixedRateWindowRule(), "rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval])"
                + " + increase(maximus_esgt_ignition_events_total[1h]) + avg_over_time(maximus_arousal_level[5m])")).isEmpty();
    }

    @Test
    void legendLabelsFollowTheQuerysOutputLabels() {
        assertThat(check(new LegendLabelRule(), "sum by (service_name) (rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))",
                "{{outcome}}")).singleElement()
                .satisfies(f -> assertThat(f.message()).isEqualTo("the legend uses {{outcome}}, but the query's result only has service_name."));
        assertThat(check(new LegendLabelRule(), "sum(maximus_arousal_level)", "{{ environment }}")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("has no labels"));
        // by, without, label_replace, group_left, histogram_quantile keep what the legend names
        assertThat(check(new LegendLabelRule(), "sum by (outcome) (rate(maximus_esgt_ignition_events_total" + F + "[$__rate_interval]))",
                "{{outcome}}")).isEmpty();
        assertThat(check(new LegendLabelRule(), "sum without (instance, job) (maximus_arousal_state)", "{{state}} {{environment}}")).isEmpty();
        assertThat(check(new LegendLabelRule(), "label_replace(sum(maximus_arousal_level), \"band\", \"x\", \"\", \"\")", "{{band}}")).isEmpty();
        assertThat(check(new LegendLabelRule(), "maximus_arousal_level * on (environment) group_left (state) maximus_arousal_state",
                "{{state}} {{service_name}}")).isEmpty();
        assertThat(check(new LegendLabelRule(), "histogram_quantile(0.9, sum by (le, service_name) (rate(maximus_esgt_duration_seconds_bucket[5m])))",
                "{{service_name}}")).isEmpty();
        assertThat(check(new LegendLabelRule(), "maximus_arousal_level / on (environment) maximus_tig_nodes_active", "{{service_name}}"))
                .hasSize(1);
    }

    private static String withUnit(String expr, String unit) {
        return dashboard(panel(1, 0, 0, expr, null)
                .replace("\"targets\"", "\"fieldConfig\": {\"defaults\": {\"unit\": \"" + unit + "\"}}, \"targets\""));
    }

    @Test
    void ratioShownAsPercent() {
        assertThat(run(new RatioUnitRule(), withUnit("avg(maximus_esgt_success_ratio" + F + ")", "percent"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("maximus_esgt_success_ratio ends in _ratio").contains("percentunit"));
        assertThat(run(new RatioUnitRule(), withUnit("maximus_phi_proxy" + F, "percent"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("the help of maximus_phi_proxy says 0..1"));
        assertThat(run(new RatioUnitRule(), withUnit("sum(rate(maximus_esgt_ignition_events_total{outcome=\"success\"}[5m]))"
                + " / sum(rate(maximus_esgt_ignition_events_total[5m]))", "percent"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("a rate divided by a rate"));
        assertThat(run(new RatioUnitRule(), withUnit("100 * avg(maximus_esgt_success_ratio)", "percent"))).isEmpty();
        assertThat(run(new RatioUnitRule(), withUnit("avg(maximus_esgt_success_ratio)", "percentunit"))).isEmpty();
        assertThat(run(new RatioUnitRule(), withUnit("rate(maximus_esgt_duration_seconds_sum[5m]) / rate(maximus_esgt_duration_seconds_count[5m])",
                "percent"))).isEmpty();
    }

    @Test
    void multiValueVariableInEqualityMatcher() {
        List<Finding> found = check(new MultiValueEqualityRule(), "maximus_arousal_level{environment=\"$environment\", service_name=\"$service\"}");
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.message()).isEqualTo("variable $service allows several values (multi or All) but service_name= compares literally;"
                    + " use service_name=~.");
            assertThat(f.column()).isEqualTo(65);
        });
        assertThat(check(new MultiValueEqualityRule(), "maximus_arousal_level" + F)).isEmpty();
        String repeated = panel(1, 0, 0, "maximus_arousal_level{service_name=\"$service\"}", null)
                .replace("\"title\": \"P1\"", "\"title\": \"P1\", \"repeat\": \"service\"");
        assertThat(run(new MultiValueEqualityRule(), dashboard(repeated))).isEmpty();
    }

    @Test
    void queryVariablesAreCheckedLikeQueries() {
        String json = dashboard(panel(1, 0, 0, "maximus_arousal_level" + F, null))
                .replace("label_values(maximus_arousal_level, environment)", "label_values(maximus_arousal_levl, environment)")
                .replace("service_name)\"", "zone)\"");
        assertThat(run(new UnknownMetricRule(), json)).singleElement().satisfies(f -> {
            assertThat(f.panel()).isEqualTo("variable environment");
            assertThat(f.message()).contains("did you mean maximus_arousal_level?");
        });
        assertThat(run(new UnknownLabelRule(), json)).singleElement().satisfies(f -> {
            assertThat(f.panel()).isEqualTo("variable service");
            assertThat(f.message()).startsWith("label_values(..., zone): the series have no label zone");
        });
        String good = dashboard(panel(1, 0, 0, "maximus_arousal_level" + F, null));
        assertThat(run(new UnknownMetricRule(), good)).isEmpty();
        assertThat(run(new UnknownLabelRule(), good)).isEmpty();
    }

    @Test
    void everyRuleHasIdSeverityAndReason() {
        assertThat(Rules.all()).extracting(Rule::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z]+(-[a-z]+)*"));
        assertThat(Rules.all()).allSatisfy(r -> {
            assertThat(r.why()).isNotBlank().endsWith(".");
            assertThat(r.severity()).isNotNull();
        });
    }
}
