package io.vertice.dash.validate;

import io.vertice.dash.catalog.Demand;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.VectorSelector;
import java.util.List;

/**
 * What a remote catalogue must know to validate these dashboards ({@link Demand}): every metric a selector names
 * literally, in panels, annotations and variable queries, with the labels its matchers test (a matcher holding a
 * regex or a variable asks for every value the metric's label has) and the label a {@code label_values} variable
 * lists.
 */
public final class ReferencedMetrics {
    private ReferencedMetrics() {}

    public static Demand of(List<DashboardDocument> inputs) {
        Demand.Builder demand = new Demand.Builder();
        for (DashboardDocument input : inputs) {
            for (QueryView q : DashboardView.of(input).queries()) {
                if (q.parsed() == null) {
                    continue;
                }
                for (VectorSelector s : QueryFacts.selectors(q.parsed().expr())) {
                    String name = s.metricName();
                    if (name == null || QueryFacts.nameFromVariable(s, q.parsed())) {
                        continue;
                    }
                    demand.metric(name);
                    for (LabelMatcher m : s.matchers()) {
                        if (!m.name().equals(LabelMatcher.METRIC_NAME)) {
                            demand.label(name, m.name());
                        }
                    }
                    if (q.variableLabel() != null) {
                        demand.label(name, q.variableLabel());
                    }
                }
            }
        }
        return demand.build();
    }
}
