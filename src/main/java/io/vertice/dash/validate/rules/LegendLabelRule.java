package io.vertice.dash.validate.rules;

import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.validate.Findings;
import io.vertice.dash.validate.ParsedQueryRule;
import io.vertice.dash.validate.QueryContext;
import io.vertice.dash.validate.QueryFacts;
import io.vertice.dash.validate.RuleInfo;
import io.vertice.dash.validate.RuleInfo.Example;
import io.vertice.dash.validate.Severity;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A legend (or annotation title/text) template {@code {{label}}} naming a label the query's result cannot
 * carry: the output labels are inferred through aggregations (by/without), functions that drop or add
 * labels (label_replace, label_join, histogram_quantile), and binary operators (on/ignoring, group_left/right).
 */
@RuleInfo(
        id = "legend-label",
        severity = Severity.WARNING,
        summary = "a `{{label}}` the result cannot carry renders empty, so series look identical",
        why =
                "Grafana renders a missing {{label}} as an empty string, so every series gets the same legend and they cannot be told apart.",
        failing = {
            @Example(
                    expr =
                            "sum by (service_name) (rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval]))",
                    legend = "{{outcome}}")
        },
        passing = {
            @Example(
                    expr =
                            "sum by (outcome) (rate(maximus_esgt_ignition_events_total{environment=\"$environment\", service_name=~\"$service\"}[$__rate_interval]))",
                    legend = "{{outcome}}")
        })
public final class LegendLabelRule implements ParsedQueryRule {
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

    @Override
    public void check(QueryContext context, ParsedQuery q, Findings out) {
        if (context.query().templates().isEmpty()) {
            return;
        }
        QueryFacts.LabelSet labels = context.outputLabels(q.expr());
        if (labels.open()) {
            return;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (String template : context.query().templates()) {
            Matcher m = TEMPLATE.matcher(template);
            while (m.find()) {
                if (!labels.labels().contains(m.group(1))) {
                    missing.add(m.group(1));
                }
            }
        }
        Set<String> has = new TreeSet<>(labels.labels());
        has.remove(io.vertice.dash.promql.LabelMatcher.METRIC_NAME);
        for (String label : missing) {
            out.query(
                    this,
                    context.query(),
                    "the legend uses {{" + label + "}}, but the query's result "
                            + (has.isEmpty()
                                    ? "has no labels (an aggregation without by (...), or only numbers, removes them); add by ("
                                            + label + ")"
                                    : "only has " + String.join(", ", has))
                            + ".");
        }
    }
}
