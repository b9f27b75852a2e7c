package io.vertice.dash.dashboards;

import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.model.Link;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.Thresholds;
import io.vertice.dash.model.ValueMapping;
import io.vertice.dash.model.Variable;

import java.util.List;

/**
 * What the three cockpit dashboards share: the variables, the standard query filter, the arousal
 * class bands and the health words. Change them here and every dashboard follows.
 */
public final class Cockpit {
    /** Tag carried by every cockpit dashboard; the dashboards link to each other through it. */
    public static final String TAG = "vertice-cockpit";

    /** uid of the provisioned Prometheus datasource the datasource variable selects by default. */
    public static final String DEFAULT_DATASOURCE_UID = "cockpit-prometheus";
    public static final String DEFAULT_DATASOURCE_NAME = "Cockpit Prometheus";

    /** Matchers every query carries: one environment, the chosen services. */
    public static final String FILTER = "environment=\"$environment\", service_name=~\"$service\"";

    private Cockpit() {
    }

    /** {@code metric{environment="$environment", service_name=~"$service"}}. */
    public static String sel(String metric) {
        return metric + "{" + FILTER + "}";
    }

    /** The standard filter plus more matchers, e.g. {@code sel("x_total", "outcome=\"success\"")}. */
    public static String sel(String metric, String moreMatchers) {
        return metric + "{" + FILTER + ", " + moreMatchers + "}";
    }

    /**
     * A histogram's buckets per interval for a heatmap panel: {@code sum by (le) (increase(bucket[$__rate_interval]))},
     * in heatmap format with one row per {@code le}.
     */
    public static Query bucketHeatmap(String bucketSelector) {
        return Query.of("sum by (le) (increase(" + bucketSelector + "[$__rate_interval]))")
                .legend("{{le}}").format(Query.Format.HEATMAP);
    }

    /** The q-quantile of a histogram, from the rate of its buckets summed by {@code le}. */
    public static String quantile(double q, String bucketSelector) {
        return "histogram_quantile(" + q + ", sum by (le) (rate(" + bucketSelector + "[$__rate_interval])))";
    }

    /** datasource, environment, service: the variables every cockpit dashboard starts with. */
    public static List<Variable> variables() {
        return List.of(
                new Variable.Datasource("datasource", "Data source", "prometheus", DEFAULT_DATASOURCE_UID,
                        DEFAULT_DATASOURCE_NAME),
                new Variable.Query("environment", "Environment", DatasourceRef.PROMETHEUS_VARIABLE,
                        "label_values(maximus_arousal_level, environment)", false, false, "prod",
                        Variable.Refresh.ON_TIME_RANGE_CHANGE, 1),
                new Variable.Query("service", "Service", DatasourceRef.PROMETHEUS_VARIABLE,
                        "label_values(maximus_arousal_level{environment=\"$environment\"}, service_name)", true, true,
                        null, Variable.Refresh.ON_TIME_RANGE_CHANGE, 1));
    }

    /** A dropdown to the other cockpit dashboards, keeping time range and variables. */
    public static Link cockpitLinks() {
        return Link.dashboardsTagged("Cockpit", TAG);
    }

    // Arousal classes (SPEC §2): sleep <= 0.2 < drowsy <= 0.4 < relaxed <= 0.6 < alert <= 0.8 < hyperalert.

    public static final String SLEEP_COLOR = "dark-blue";
    public static final String DROWSY_COLOR = "blue";
    public static final String RELAXED_COLOR = "green";
    public static final String ALERT_COLOR = "yellow";
    public static final String HYPERALERT_COLOR = "red";

    /** The arousal classes as colour bands over the 0..1 level. */
    public static Thresholds arousalBands() {
        return Thresholds.from(SLEEP_COLOR)
                .at(0.2, DROWSY_COLOR)
                .at(0.4, RELAXED_COLOR)
                .at(0.6, ALERT_COLOR)
                .at(0.8, HYPERALERT_COLOR);
    }

    /** The arousal level in words: the class whose band holds it. */
    public static List<ValueMapping> arousalClassWords() {
        return List.of(
                ValueMapping.range(0.0, 0.2, "sleep", SLEEP_COLOR),
                ValueMapping.range(0.2, 0.4, "drowsy", DROWSY_COLOR),
                ValueMapping.range(0.4, 0.6, "relaxed", RELAXED_COLOR),
                ValueMapping.range(0.6, 0.8, "alert", ALERT_COLOR),
                ValueMapping.range(0.8, 1.0, "hyperalert", HYPERALERT_COLOR));
    }

    // System health: the Φ proxy and the fabric's connectivity, both 0..1, read as three words.

    public static final double DEGRADED_BELOW = 0.6;
    public static final double CRITICAL_BELOW = 0.3;

    public static Thresholds healthBands() {
        return Thresholds.from("red").at(CRITICAL_BELOW, "orange").at(DEGRADED_BELOW, "green");
    }

    public static List<ValueMapping> healthWords() {
        return List.of(
                ValueMapping.range(DEGRADED_BELOW, 1.0, "Healthy", "green"),
                ValueMapping.range(CRITICAL_BELOW, DEGRADED_BELOW, "Degraded", "orange"),
                ValueMapping.range(0.0, CRITICAL_BELOW, "Critical", "red"),
                ValueMapping.special(ValueMapping.Special.NULL_OR_NAN, "No data", "text"));
    }

    /** Success and failure series always in the same colours. */
    public static final String SUCCESS_COLOR = "green";
    public static final String FAILURE_COLOR = "red";
}
