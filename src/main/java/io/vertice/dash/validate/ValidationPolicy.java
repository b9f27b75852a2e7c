package io.vertice.dash.validate;

import io.vertice.dash.promql.Dialect;
import java.util.List;
import java.util.Map;

/**
 * What a team decided about its own dashboards ({@code .dash.yaml}): per-rule severities, accepted findings and
 * the query dialect of some datasources (by uid or name).
 */
public record ValidationPolicy(
        Map<String, Severity> severities, List<Exclusion> exclusions, Map<String, Dialect> dialects) {
    /** No configuration: every rule at its own severity, nothing excluded, PromQL unless a dashboard says otherwise. */
    public static final ValidationPolicy NONE = new ValidationPolicy(Map.of(), List.of(), Map.of());

    public ValidationPolicy {
        severities = Map.copyOf(severities);
        exclusions = List.copyOf(exclusions);
        dialects = Map.copyOf(dialects);
    }
}
