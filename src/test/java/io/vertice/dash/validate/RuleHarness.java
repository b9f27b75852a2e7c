package io.vertice.dash.validate;

import io.vertice.dash.catalog.Exposition;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.PrometheusAddedSeries;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.json.Json;
import java.util.List;

/** Runs rules on small inline dashboards in tests. */
public final class RuleHarness {
    private RuleHarness() {}

    /** A small catalogue in the simulator's style (exposition text keeps the fixture readable). */
    public static final MetricCatalog CATALOG = PrometheusAddedSeries.asScraped(Exposition.parse(
                    """
            # HELP maximus_arousal_level Current arousal level, 0..1.
            # TYPE maximus_arousal_level gauge
            maximus_arousal_level{environment="prod",service_name="maximus-core"} 0.6
            maximus_arousal_level{environment="staging",service_name="maximus-core"} 0.5
            # HELP maximus_arousal_state Current arousal class (state set).
            # TYPE maximus_arousal_state gauge
            maximus_arousal_state{environment="prod",service_name="maximus-core",state="sleep"} 0
            maximus_arousal_state{environment="prod",service_name="maximus-core",state="drowsy"} 0
            maximus_arousal_state{environment="prod",service_name="maximus-core",state="relaxed"} 1
            maximus_arousal_state{environment="prod",service_name="maximus-core",state="alert"} 0
            maximus_arousal_state{environment="prod",service_name="maximus-core",state="hyperalert"} 0
            # HELP maximus_esgt_success_ratio ESGT success ratio over the last 60 s.
            # TYPE maximus_esgt_success_ratio gauge
            maximus_esgt_success_ratio{environment="prod",service_name="maximus-core"} 0.8
            # HELP maximus_phi_proxy Phi proxy, 0..1, the system health signal.
            # TYPE maximus_phi_proxy gauge
            maximus_phi_proxy{environment="prod",service_name="maximus-core"} 0.7
            # HELP maximus_tig_nodes_active Nodes up.
            # TYPE maximus_tig_nodes_active gauge
            maximus_tig_nodes_active{environment="prod",service_name="maximus-core"} 30
            # HELP maximus_esgt_ignition_events_total Ignition attempts.
            # TYPE maximus_esgt_ignition_events_total counter
            maximus_esgt_ignition_events_total{environment="prod",service_name="maximus-core",outcome="success"} 10
            maximus_esgt_ignition_events_total{environment="prod",service_name="maximus-core",outcome="failure"} 2
            # HELP maximus_esgt_duration_seconds Ignition duration.
            # TYPE maximus_esgt_duration_seconds histogram
            maximus_esgt_duration_seconds_bucket{environment="prod",service_name="maximus-core",le="0.1"} 1
            maximus_esgt_duration_seconds_bucket{environment="prod",service_name="maximus-core",le="+Inf"} 2
            maximus_esgt_duration_seconds_sum{environment="prod",service_name="maximus-core"} 0.3
            maximus_esgt_duration_seconds_count{environment="prod",service_name="maximus-core"} 2
            """)
            .toCatalog());

    public static DashboardDocument input(String json) {
        return DashboardReader.of(Json.parse(json, "test.json"), "test.json");
    }

    /** Findings of one rule on one dashboard. */
    public static List<Finding> run(Rule rule, String json) {
        return run(rule, json, CATALOG);
    }

    public static List<Finding> run(Rule rule, String json, MetricCatalog catalog) {
        return new Validator(catalog, List.of(rule))
                .validate(List.of(input(json)))
                .findings();
    }

    /** A dashboard "T" with the usual three variables and these panels (a JSON array body). */
    public static String dashboard(String panels) {
        return RuleExample.dashboard("T", "t", panels);
    }

    /** A timeseries panel with one Prometheus target. */
    public static String panel(int id, int x, int y, String expr, String legend) {
        return """
                {"id": %d, "type": "timeseries", "title": "P%d", "description": "d",
                 "datasource": {"type": "prometheus", "uid": "${datasource}"},
                 "gridPos": {"x": %d, "y": %d, "w": 12, "h": 8},
                 "targets": [{"refId": "A", "expr": %s, "legendFormat": %s}]}
                """
                .formatted(
                        id,
                        id,
                        x,
                        y,
                        Json.MAPPER.valueToTree(expr).toString(),
                        legend == null
                                ? "null"
                                : Json.MAPPER.valueToTree(legend).toString());
    }
}
