package io.vertice.dash.validate;

import io.vertice.dash.promql.GrafanaVariables;
import io.vertice.dash.promql.LabelMatcher;
import io.vertice.dash.promql.ParsedQuery;
import io.vertice.dash.promql.VariableUse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A matcher as Grafana really sends it: a {@code $var} in its value stands for the values Grafana may put there,
 * not for its literal text. The All value of a variable is its {@code allValue} (often {@code .*}), or the
 * alternation of its options, which is {@code ()} when the query finds none; both match the empty string, so
 * such a matcher also selects series without the label, and the panel has data. All is what Grafana sends when
 * it is selected, or when a refreshed query variable's saved value is no longer among its options.
 */
public final class SentValues {
    /** Variables per matcher beyond which the combinations are not worth trying: then "may match empty". */
    private static final int MAX_COMBINATIONS = 64;

    private SentValues() {
    }

    /** Whether the matcher, with any value Grafana may substitute, accepts series that lack the label. */
    public static boolean mayMatchEmpty(LabelMatcher m, ParsedQuery q, DashboardView d) {
        if (!QueryFacts.valueFromVariable(m, q)) {
            return m.matchesEmpty();
        }
        List<String> texts = List.of("");
        String value = m.value();
        int last = 0;
        for (VariableUse use : GrafanaVariables.find(value)) {
            List<String> next = new ArrayList<>();
            for (String prefix : texts) {
                for (String sent : sent(use, d)) {
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
    private static Set<String> sent(VariableUse use, DashboardView d) {
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
        if (v.includeAll() && (all || refreshed)) {
            String allValue = v.json().path("allValue").asText("");
            if (!allValue.isEmpty()) {
                out.add(allValue);
            } else {
                List<String> options = v.options().stream().filter(o -> !o.equals("$__all") && !o.equals("All")).toList();
                out.add("(" + String.join("|", options) + ")");
                if (v.type().equals("query")) {
                    out.add("()"); // a refreshed query may find no option at all
                }
            }
        }
        if (out.isEmpty()) {
            out.add("$" + use.name());
        }
        return out;
    }
}
