package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;
import io.vertice.dash.promql.VectorSelector;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A matcher as Grafana really sends it: a {@code $var} in its value stands for the values Grafana may put there,
 * not for its literal text. The All value of a variable is its {@code allValue} (often {@code .*}), or the
 * alternation of its options, which is {@code ()} when the query finds none; both match the empty string, so
 * such a matcher also selects series without the label, and the panel has data. All is what Grafana sends when
 * it is selected, or when a refreshed query variable's saved value is no longer among its options; a refreshed
 * query variable that finds no option at all (its {@code label_values} asks for a label the series lack) sends "".
 */
public final class SentValues {
    /** Variables per matcher beyond which the combinations are not worth trying: then "may match empty". */
    private static final int MAX_COMBINATIONS = 64;

    private SentValues() {}

    /** Whether the matcher, with any value Grafana may substitute, accepts series that lack the label. */
    public static boolean mayMatchEmpty(LabelMatcher m, ParsedQuery q, DashboardView d, MetricCatalog catalog) {
        if (!QueryFacts.valueFromVariable(m, q)) {
            return m.matchesEmpty();
        }
        List<String> texts = List.of("");
        String value = m.value();
        int last = 0;
        for (VariableUse use : GrafanaVariables.find(value)) {
            List<String> next = new ArrayList<>();
            for (String prefix : texts) {
                for (String sent : sent(use, d, catalog)) {
                    next.add(prefix + value.substring(last, use.start()) + sent);
                }
            }
            if (next.size() > MAX_COMBINATIONS) {
                return true;
            }
            texts = next;
            last = use.end();
        }
        String tail = value.substring(last);
        for (String t : texts) {
            if (new LabelMatcher(m.name(), m.op(), t + tail, m.span(), m.valueSpan()).matchesEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** What Grafana may substitute for one variable use; for unknown variables and built-ins, their text. */
    private static Set<String> sent(VariableUse use, DashboardView d, MetricCatalog catalog) {
        Set<String> out = new LinkedHashSet<>();
        VariableView v = d.variables().get(use.name());
        if (v == null) {
            out.add("$" + use.name());
            return out;
        }
        List<String> current = v.effectiveValues();
        current.stream().filter(x -> !x.equals("$__all")).forEach(out::add);
        boolean all = current.contains("$__all") || current.contains("All");
        // a refreshed query variable whose saved value is gone from its options falls back to All (its first option)
        boolean refreshed = v.type().equals("query") && v.json().path("refresh").asInt(1) != 0;
        boolean noOptions = refreshed && optionsMayBeEmpty(v, d, catalog);
        if (noOptions && !v.includeAll()) {
            out.add(""); // no option: Grafana selects None, an empty value (with Include All, All stays the one option)
        }
        if (v.includeAll() && (all || refreshed)) {
            String allValue = v.json().path("allValue").asText("");
            if (!allValue.isEmpty()) {
                out.add(allValue);
            } else {
                List<String> options = v.options().stream()
                        .filter(o -> !o.equals("$__all") && !o.equals("All"))
                        .toList();
                out.add("(" + String.join("|", options) + ")");
                if (noOptions) {
                    out.add("()"); // All of no options
                }
            }
        }
        if (out.isEmpty()) {
            out.add("$" + use.name());
        }
        return out;
    }

    /**
     * Whether a query variable's {@code label_values(EXPR, LABEL)} finds nothing by the catalogue: EXPR's series
     * cannot carry LABEL, or a metric it selects is not there.
     */
    private static boolean optionsMayBeEmpty(VariableView v, DashboardView d, MetricCatalog catalog) {
        for (QueryView vq : d.queries()) {
            if (vq.variable() == null
                    || !vq.variable().name().equals(v.name())
                    || vq.parsed() == null
                    || vq.variableLabel() == null) {
                continue;
            }
            if (!QueryFacts.outputLabels(vq.parsed().expr(), vq.parsed(), catalog)
                    .mayHave(vq.variableLabel())) {
                return true;
            }
            for (VectorSelector s : QueryFacts.selectors(vq.parsed().expr())) {
                if (s.metricName() != null
                        && !QueryFacts.nameFromVariable(s, vq.parsed())
                        && catalog.series(s.metricName()).isEmpty()) {
                    return true;
                }
            }
        }
        return false;
    }
}
