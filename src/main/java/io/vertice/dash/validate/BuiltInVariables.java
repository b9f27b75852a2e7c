package io.vertice.dash.validate;

import java.util.Set;

/**
 * The variables Grafana defines itself. References are found by the PromQL package's
 * {@link io.vertice.dash.promql.GrafanaVariables#find}, the same scanner the parser uses.
 */
public final class BuiltInVariables {
    /** Variables Grafana defines itself on every dashboard. */
    private static final Set<String> BUILT_IN = Set.of(
            "__rate_interval",
            "__rate_interval_ms",
            "__interval",
            "__interval_ms",
            "__range",
            "__range_s",
            "__range_ms",
            "__from",
            "__to",
            "__all",
            "__name",
            "__dashboard",
            "__user",
            "__org",
            "__timezone",
            "__timeFilter",
            "timeFilter",
            "__url_time_range",
            "__data",
            "__field",
            "__series",
            "__value",
            "__cell",
            "__auto",
            "__auto_interval",
            "__searchFilter",
            "__schema",
            "__table",
            "__column");

    private BuiltInVariables() {}

    /** Whether Grafana itself defines this variable. */
    public static boolean contains(String name) {
        return BUILT_IN.contains(name) || name.startsWith("__");
    }
}
