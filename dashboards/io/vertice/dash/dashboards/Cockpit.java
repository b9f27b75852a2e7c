package io.vertice.dash.dashboards;

import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.model.FieldOverride;
import io.vertice.dash.model.Link;
import io.vertice.dash.model.Panels;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.Thresholds;
import io.vertice.dash.model.TimeSeriesPanel;
import io.vertice.dash.model.Units;
import io.vertice.dash.model.ValueMapping;
import io.vertice.dash.model.Variable;
import java.util.List;

/**
 * What the three cockpit dashboards share: the header, the variables, the standard query filter ({@link #q}),
 * the arousal class bands, the health words, and the panels and colours that repeat. Change them here and every
 * dashboard follows.
 */
public final class Cockpit {
    /** Tag carried by every cockpit dashboard; the dashboards link to each other through it. */
    public static final String TAG = "vertice-cockpit";

    /** uid of the provisioned Prometheus datasource the datasource variable selects by default. */
    public static final String DEFAULT_DATASOURCE_UID = "cockpit-prometheus";

    public static final String DEFAULT_DATASOURCE_NAME = "Cockpit Prometheus";

    /** Matchers every query carries: one environment, the chosen services. */
    public static final String FILTER = "environment=\"$environment\", service_name=~\"$service\"";

    /** Where a query template takes the standard filter: {@code metric{$FILTER}} or {@code metric{$FILTER, more="x"}}. */
    public static final String FILTER_MARK = "$FILTER";

    private Cockpit() {}

    /**
     * A query written as the PromQL it is, with {@code $FILTER} inside each selector's braces where the standard
     * filter goes: {@code q("rate(maximus_x_total{$FILTER}[$__rate_interval])")} gives
     * {@code rate(maximus_x_total{environment="$environment", service_name=~"$service"}[$__rate_interval])}.
     */
    public static String q(String promql) {
        if (!promql.contains("{" + FILTER_MARK)) {
            throw new IllegalArgumentException("a cockpit query filters every selector with {$FILTER}: " + promql);
        }
        return promql.replace(FILTER_MARK, FILTER);
    }

    /** A histogram's buckets per interval for a heatmap panel, one row per {@code le}: the query in heatmap format. */
    public static Query bucketHeatmap(String promql) {
        return Query.of(q(promql)).legend("{{le}}").format(Query.Format.HEATMAP);
    }

    /**
     * The header of every cockpit dashboard: uid, title, description, the cockpit tag and its own tags, the
     * three variables and the dropdown to the other cockpit dashboards.
     */
    public static Dashboard.Builder dashboard(String uid, String title, String description, String... tags) {
        String[] all = new String[tags.length + 1];
        all[0] = TAG;
        System.arraycopy(tags, 0, all, 1, tags.length);
        return Dashboard.builder(uid, title)
                .description(description)
                .tags(all)
                .variables(variables())
                .link(cockpitLinks());
    }

    /** datasource, environment, service: the variables every cockpit dashboard starts with. */
    public static List<Variable> variables() {
        return List.of(
                new Variable.Datasource(
                        "datasource", "Data source", "prometheus", DEFAULT_DATASOURCE_UID, DEFAULT_DATASOURCE_NAME),
                Variable.Query.builder(
                                "environment",
                                DatasourceRef.PROMETHEUS_VARIABLE,
                                "label_values(maximus_arousal_level, environment)")
                        .label("Environment")
                        .current("prod")
                        .refresh(Variable.Refresh.ON_TIME_RANGE_CHANGE)
                        .sort(Variable.Sort.ALPHABETICAL_ASC)
                        .build(),
                Variable.Query.builder(
                                "service",
                                DatasourceRef.PROMETHEUS_VARIABLE,
                                "label_values(maximus_arousal_level{environment=\"$environment\"}, service_name)")
                        .label("Service")
                        .multiWithAll()
                        .refresh(Variable.Refresh.ON_TIME_RANGE_CHANGE)
                        .sort(Variable.Sort.ALPHABETICAL_ASC)
                        .build());
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

    /** Success and failure series in their colours, wherever outcomes are plotted. */
    public static List<FieldOverride> outcomeColors() {
        return List.of(
                FieldOverride.byNames("success").color(SUCCESS_COLOR),
                FieldOverride.byNames("failure").color(FAILURE_COLOR));
    }

    /** Ignition success rates: red below 50 %, orange to 70 %, green above. */
    public static Thresholds successBands() {
        return Thresholds.from("red").at(0.5, "orange").at(0.7, "green");
    }

    /** Arousal level against its baseline on the class bands; the caller adds description and size. */
    public static TimeSeriesPanel arousalAgainstBaseline(String title) {
        return Panels.timeseries(title)
                .query(q("maximus_arousal_level{$FILTER}"), "{{service_name}} level")
                .query(q("maximus_arousal_baseline{$FILTER}"), "{{service_name}} baseline")
                .unit(Units.PERCENT_UNIT)
                .min(0)
                .max(1)
                .thresholds(arousalBands())
                .thresholdAreas()
                .fillOpacity(0)
                .lineWidth(2);
    }

    /** The shares of need and stress in arousal's deviation from baseline (they add up to 100 %). */
    public static TimeSeriesPanel needAgainstStress(String title) {
        return Panels.timeseries(title)
                .query(q("maximus_arousal_component_need_ratio{$FILTER}"), "{{service_name}} need")
                .query(q("maximus_arousal_component_stress_ratio{$FILTER}"), "{{service_name}} stress")
                .unit(Units.PERCENT_UNIT)
                .min(0)
                .max(1)
                .stacked(false)
                .fillOpacity(60);
    }
}
