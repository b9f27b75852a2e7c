package io.vertice.dash.dashboards;

import static io.vertice.dash.dashboards.Cockpit.q;
import static io.vertice.dash.model.Panels.gauge;
import static io.vertice.dash.model.Panels.stat;
import static io.vertice.dash.model.Panels.table;
import static io.vertice.dash.model.Panels.timeseries;

import io.vertice.dash.model.Annotation;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardDefinition;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.StatPanel;
import io.vertice.dash.model.Units;

/** The first screen: is the system awake, igniting and healthy right now? */
public final class ConsciousnessOverview implements DashboardDefinition {

    @Override
    public Dashboard build() {
        return Cockpit.dashboard(
                        "consciousness-overview",
                        "Consciousness Overview",
                        "Start here: arousal, ESGT ignitions, the TIG fabric and the process at a glance. "
                                + "Drill down in ESGT Deep Dive and Arousal Dynamics.",
                        "consciousness",
                        "overview")
                .time("now-1h", "now")
                .refresh("30s")
                .annotation(Annotation.Prometheus.builder(
                                "ESGT ignitions",
                                DatasourceRef.PROMETHEUS_VARIABLE,
                                q(
                                        "sum by (service_name) (increase(maximus_esgt_ignition_events_total{$FILTER, outcome=\"success\"}[$__rate_interval])) > 0"))
                        .color("purple")
                        .title("ESGT ignition")
                        .text("{{service_name}}: successful ignitions in this interval")
                        .tags("service_name")
                        .step("1m")
                        .build())
                .annotation(Annotation.Prometheus.builder(
                                "Arousal class changes",
                                DatasourceRef.PROMETHEUS_VARIABLE,
                                q(
                                        "sum by (service_name, transition) (increase(maximus_arousal_state_transition_total{$FILTER}[$__rate_interval])) > 0"))
                        .color("orange")
                        .title("{{transition}}")
                        .text("{{service_name}} changed arousal class")
                        .tags("transition", "service_name")
                        .step("1m")
                        .build())
                .row("Now", row -> row.add(stat("System health")
                                .description(
                                        """
                                        Is the system well? Two signals read as words: the Φ proxy (how integrated \
                                        the system's activity is) and the fabric (live TIG edges out of all possible). \
                                        Healthy from 60 %, Degraded from 30 %, Critical below. Normal: both Healthy. \
                                        A Degraded fabric usually comes first, when TIG nodes drop out.""")
                                .size(6, 8)
                                .query(Query.of(q("maximus_phi_proxy{$FILTER}"))
                                        .legend("Φ {{service_name}}")
                                        .asInstant())
                                .query(Query.of(q("maximus_tig_connectivity_ratio{$FILTER}"))
                                        .legend("Fabric {{service_name}}")
                                        .asInstant())
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(Cockpit.healthBands())
                                .mappings(Cockpit.healthWords())
                                .colorBackground()
                                .noSparkline()
                                .textMode(StatPanel.TextMode.VALUE_AND_NAME))
                        .add(gauge("Arousal level")
                                .description(
                                        """
                                        How awake the system is now, 0 to 100 %. The bands are the arousal classes: \
                                        sleep up to 20 %, drowsy to 40 %, relaxed to 60 %, alert to 80 %, hyperalert \
                                        above. Normal: around the 60 % baseline, relaxed or alert.""")
                                .size(6, 8)
                                .query(Query.of(q("maximus_arousal_level{$FILTER}"))
                                        .legend("{{service_name}}")
                                        .asInstant())
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .decimals(0)
                                .thresholds(Cockpit.arousalBands())
                                .thresholdLabels())
                        .add(Cockpit.arousalAgainstBaseline("Arousal and baseline")
                                .description(
                                        """
                                        Arousal over time against its baseline, on the class bands. The level drifts \
                                        back to the baseline on its own; need and stress episodes push it away. \
                                        Normal: the level crosses the baseline often; long stays far from it are \
                                        worth a look in Arousal Dynamics.""")
                                .size(12, 8))
                        .add(timeseries("ESGT ignitions")
                                .description(
                                        """
                                        Global workspace ignition attempts per interval, successes (green) stacked \
                                        on failures (red). Attempts rise with arousal. Normal: mostly green; a red \
                                        majority means ignitions are failing — see the reasons in ESGT Deep Dive.""")
                                .size(24, 7)
                                .query(
                                        q(
                                                "sum by (outcome) (increase(maximus_esgt_ignition_events_total{$FILTER}[$__rate_interval]))"),
                                        "{{outcome}}")
                                .unit(Units.SHORT)
                                .min(0)
                                .bars()
                                .stacked(false)
                                .overrides(Cockpit.outcomeColors())))
                .row("Fabric, workspace and process", row -> row.add(timeseries("TIG nodes active")
                                .description(
                                        """
                                        TIG fabric nodes up, against the nodes configured (32). Nodes drop out and \
                                        recover; a few down is normal, a sustained gap lowers connectivity and \
                                        integration next door.""")
                                .size(8, 8)
                                .query(q("maximus_tig_nodes_active{$FILTER}"), "{{service_name}} active")
                                .query(q("maximus_tig_nodes_configured{$FILTER}"), "{{service_name}} configured")
                                .unit(Units.SHORT)
                                .min(0)
                                .decimals(0)
                                .stepAfter())
                        .add(timeseries("Connectivity and integration")
                                .description(
                                        """
                                        Connectivity is the share of possible TIG edges that are live; integration \
                                        is how well the fabric works as one. Both 0 to 100 %. They move together. \
                                        Normal: above 60 % (green line); below it the system counts as Degraded.""")
                                .size(8, 8)
                                .query(q("maximus_tig_connectivity_ratio{$FILTER}"), "{{service_name}} connectivity")
                                .query(q("maximus_tig_integration_score{$FILTER}"), "{{service_name}} integration")
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(Cockpit.healthBands())
                                .thresholdLines())
                        .add(timeseries("ESGT success rate and coherence")
                                .description(
                                        """
                                        Share of ignitions that succeeded over the last minute, and the mean \
                                        coherence they reached. Normal: success above 70 %, coherence above 60 %. \
                                        A drop in both at once points at the fabric, not at salience.""")
                                .size(8, 8)
                                .query(q("maximus_esgt_success_ratio{$FILTER}"), "{{service_name}} success")
                                .query(q("maximus_esgt_avg_coherence{$FILTER}"), "{{service_name}} coherence")
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(Cockpit.successBands())
                                .thresholdLines())
                        .add(timeseries("Process CPU")
                                .description(
                                        """
                                        CPU used by the service process, as a share of one core (100 % = one core \
                                        busy). Normal: well below 100 %; a rise with flat ignitions means work \
                                        outside the workspace.""")
                                .size(12, 7)
                                .query(
                                        q("rate(process_cpu_seconds_total{$FILTER}[$__rate_interval])"),
                                        "{{service_name}}")
                                .unit(Units.PERCENT_UNIT)
                                .min(0))
                        .add(timeseries("Process memory")
                                .description(
                                        """
                                        Resident memory of the service process: what it holds in RAM. Normal: it \
                                        grows after start-up and then stays level, rising and falling with load; a \
                                        line that only climbs is a leak.""")
                                .size(12, 7)
                                .query(q("process_resident_memory_bytes{$FILTER}"), "{{service_name}} resident")
                                .unit(Units.BYTES)
                                .min(0)))
                .row("Events and drivers", row -> row.add(table("Recent events")
                                .description(
                                        """
                                        Events by type over the dashboard's time range: ignitions and their failures, \
                                        arousal class changes, need and stress spikes, TIG nodes going down and up. \
                                        Normal: ignitions lead; many tig_node_down events mean an unstable fabric.""")
                                .size(12, 8)
                                .query(Query.of(
                                                q(
                                                        "sum by (event_type) (increase(consciousness_event_total{$FILTER}[$__range]))"))
                                        .legend("{{event_type}}")
                                        .asInstant()
                                        .format(Query.Format.TABLE))
                                .unit(Units.SHORT)
                                .decimals(0)
                                .organize("Time", "event_type:Event", "Value:Count")
                                .sortBy("Count", true))
                        .add(Cockpit.needAgainstStress("Arousal drivers: need vs stress")
                                .description(
                                        """
                                        What pushes arousal away from its baseline: the share driven by needs and \
                                        the share driven by stress, always adding up to 100 %. Normal: needs lead; \
                                        stress above half for long is the pattern to watch.""")
                                .size(12, 8)))
                .build();
    }
}
