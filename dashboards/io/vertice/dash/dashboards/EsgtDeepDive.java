package io.vertice.dash.dashboards;

import static io.vertice.dash.dashboards.Cockpit.bucketHeatmap;
import static io.vertice.dash.dashboards.Cockpit.q;
import static io.vertice.dash.model.Panels.barGauge;
import static io.vertice.dash.model.Panels.heatmap;
import static io.vertice.dash.model.Panels.pieChart;
import static io.vertice.dash.model.Panels.timeseries;

import io.vertice.dash.model.BarGaugePanel;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardDefinition;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.Thresholds;
import io.vertice.dash.model.Units;
import io.vertice.dash.model.Variable;
import java.util.List;

/** Why ignitions succeed or fail, and how good they are when they happen. */
public final class EsgtDeepDive implements DashboardDefinition {

    @Override
    public Dashboard build() {
        return Cockpit.dashboard(
                        "esgt-deep-dive",
                        "ESGT Deep Dive",
                        "Global workspace ignitions: success against failure and why, the salience that "
                                + "triggers them, and their coherence, duration and recruited nodes.",
                        "esgt")
                .time("now-3h", "now")
                .refresh("1m")
                .variable(new Variable.Custom(
                        "component", "Salience component", List.of("novelty", "relevance", "urgency"), true, true))
                .row("Success and failure", row -> row.add(timeseries("Ignition success rate")
                                .description(
                                        """
                                        Share of ignition attempts that succeeded, computed from the attempt \
                                        counters over each interval. Normal: above 70 % (green line); below 50 % \
                                        the workspace is mostly failing to ignite.""")
                                .size(12, 8)
                                .query(
                                        q(
                                                """
                                        sum(rate(maximus_esgt_ignition_events_total{$FILTER, outcome="success"}[$__rate_interval])) \
                                        / sum(rate(maximus_esgt_ignition_events_total{$FILTER}[$__rate_interval]))"""),
                                        "success rate")
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(Cockpit.successBands())
                                .thresholdLines()
                                .lineWidth(2))
                        .add(timeseries("Ignition attempts")
                                .description(
                                        """
                                        Attempts per second by outcome. Attempts arrive faster when arousal is \
                                        high. Normal: successes follow attempts; a rise in attempts with flat \
                                        successes means salience or the fabric is the limit.""")
                                .size(12, 8)
                                .query(
                                        q(
                                                "sum by (outcome) (rate(maximus_esgt_ignition_events_total{$FILTER}[$__rate_interval]))"),
                                        "{{outcome}}")
                                .unit(Units.OPS)
                                .min(0)
                                .stacked(false)
                                .overrides(Cockpit.outcomeColors()))
                        .add(pieChart("Failure reasons")
                                .description(
                                        """
                                        Failed ignitions over the dashboard's range, by reason. Normal: salience \
                                        below threshold leads, the everyday reason; insufficient nodes or coherence \
                                        not reached point at the TIG fabric; refractory period at bursts of attempts.""")
                                .size(8, 8)
                                .query(Query.of(
                                                q(
                                                        "sum by (failure_reason) (increase(maximus_esgt_failure_total{$FILTER}[$__range]))"))
                                        .legend("{{failure_reason}}")
                                        .asInstant())
                                .unit(Units.SHORT)
                                .decimals(0)
                                .donut())
                        .add(timeseries("Failure reasons over time")
                                .description(
                                        """
                                        The same reasons stacked over time, per second. Normal: a steady mix; a \
                                        reason that suddenly grows tells when something changed, compare with TIG \
                                        nodes on the Overview.""")
                                .size(16, 8)
                                .query(
                                        q(
                                                "sum by (failure_reason) (rate(maximus_esgt_failure_total{$FILTER}[$__rate_interval]))"),
                                        "{{failure_reason}}")
                                .unit(Units.OPS)
                                .min(0)
                                .stacked(false)
                                .fillOpacity(50)))
                .row(
                        "Salience",
                        row -> row.add(heatmap("Salience: $component")
                                .description(
                                        """
                                        Distribution of one salience component (novelty, relevance, urgency) per \
                                        ignition attempt, 0 to 1, over time; one panel per component. Brighter \
                                        cells hold more attempts. Normal: most attempts low, a band of high ones \
                                        that become ignitions.""")
                                .size(8, 8)
                                .query(
                                        bucketHeatmap(
                                                """
                                        sum by (le) (increase(maximus_esgt_salience_component_bucket{$FILTER, component="$component"}[$__rate_interval]))"""))
                                .unit(Units.SHORT)
                                .yUnit(Units.PERCENT_UNIT)
                                .repeatHorizontally("component", 3)))
                .row("Performance", row -> row.add(heatmap("Coherence distribution")
                                .description(
                                        """
                                        Coherence reached by each ignition, 0 to 1, over time. Normal: most \
                                        ignitions in the upper buckets; a band sliding down means the workspace \
                                        ignites but does not hold together.""")
                                .size(12, 8)
                                .query(
                                        bucketHeatmap(
                                                "sum by (le) (increase(maximus_esgt_ignition_coherence_bucket{$FILTER}[$__rate_interval]))"))
                                .unit(Units.SHORT)
                                .yUnit(Units.PERCENT_UNIT))
                        .add(timeseries("Coherence p50 and p95")
                                .description(
                                        """
                                        Median and 95th percentile of ignition coherence, from the histogram. \
                                        Normal: median above 60 %. A wide gap between the two means uneven \
                                        ignitions.""")
                                .size(12, 8)
                                .query(
                                        q(
                                                "histogram_quantile(0.5, sum by (le) (rate(maximus_esgt_ignition_coherence_bucket{$FILTER}[$__rate_interval])))"),
                                        "p50")
                                .query(
                                        q(
                                                "histogram_quantile(0.95, sum by (le) (rate(maximus_esgt_ignition_coherence_bucket{$FILTER}[$__rate_interval])))"),
                                        "p95")
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(
                                        Thresholds.from("red").at(0.4, "orange").at(0.6, "green"))
                                .thresholdLines())
                        .add(heatmap("Ignition duration")
                                .description(
                                        """
                                        How long ignitions last, from 10 ms to 2.5 s, over time. Normal: a tight \
                                        band in the hundreds of milliseconds; long ignitions that spread upwards \
                                        come before timeouts.""")
                                .size(12, 8)
                                .query(
                                        bucketHeatmap(
                                                "sum by (le) (increase(maximus_esgt_duration_seconds_bucket{$FILTER}[$__rate_interval]))"))
                                .unit(Units.SHORT)
                                .yUnit(Units.SECONDS))
                        .add(timeseries("Ignition duration p95")
                                .description(
                                        """
                                        95th percentile of ignition duration. Normal: below one second; above two \
                                        seconds ignitions are close to timing out.""")
                                .size(12, 8)
                                .query(
                                        q(
                                                "histogram_quantile(0.95, sum by (le) (rate(maximus_esgt_duration_seconds_bucket{$FILTER}[$__rate_interval])))"),
                                        "p95")
                                .unit(Units.SECONDS)
                                .min(0)
                                .thresholds(
                                        Thresholds.from("green").at(1, "orange").at(2, "red"))
                                .thresholdLines())
                        .add(barGauge("Participating nodes")
                                .description(
                                        """
                                        How many TIG nodes each ignition recruited, over the dashboard's range: \
                                        one bar per bucket (up to 1, 2, 4 ... 64 nodes). Normal: most ignitions \
                                        recruit 8 to 32 nodes; many small ones mean a thin fabric.""")
                                .size(12, 8)
                                .query(Query.of(
                                                q(
                                                        "sum by (le) (increase(maximus_esgt_participating_nodes_bucket{$FILTER}[$__range]))"))
                                        .legend("{{le}}")
                                        .asInstant()
                                        .format(Query.Format.HEATMAP))
                                .unit(Units.SHORT)
                                .decimals(0)
                                .min(0)
                                .paletteColors()
                                .displayMode(BarGaugePanel.DisplayMode.BASIC)
                                .vertical())
                        .add(timeseries("Mean participating nodes")
                                .description(
                                        """
                                        Average nodes recruited per ignition (sum over count of the histogram). \
                                        Normal: steady; it falls when TIG nodes drop out.""")
                                .size(12, 8)
                                .query(
                                        q(
                                                """
                                        sum(rate(maximus_esgt_participating_nodes_sum{$FILTER}[$__rate_interval])) \
                                        / sum(rate(maximus_esgt_participating_nodes_count{$FILTER}[$__rate_interval]))"""),
                                        "mean nodes")
                                .unit(Units.SHORT)
                                .min(0)
                                .decimals(1)))
                .build();
    }
}
