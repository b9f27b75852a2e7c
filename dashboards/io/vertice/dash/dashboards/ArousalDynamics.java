package io.vertice.dash.dashboards;

import static io.vertice.dash.dashboards.Cockpit.q;
import static io.vertice.dash.model.Panels.barGauge;
import static io.vertice.dash.model.Panels.stat;
import static io.vertice.dash.model.Panels.stateTimeline;
import static io.vertice.dash.model.Panels.timeseries;

import io.vertice.dash.model.BarGaugePanel;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardDefinition;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.Thresholds;
import io.vertice.dash.model.Units;
import io.vertice.dash.model.ValueMapping;

/** How arousal moves: its class over time, what drives it, how often it changes, and when it is unusual. */
public final class ArousalDynamics implements DashboardDefinition {

    @Override
    public Dashboard build() {
        return Cockpit.dashboard(
                        "arousal-dynamics",
                        "Arousal Dynamics",
                        "Arousal (MCEA) over time: its class, the baseline it returns to, the needs and stress "
                                + "that push it, the transitions between classes, and anomalies.",
                        "arousal")
                .time("now-6h", "now")
                .refresh("1m")
                .row("Timeline", row -> row.add(stat("Arousal now")
                                .description(
                                        """
                                        The current arousal class in words, from the level's bands: sleep up to \
                                        20 %, drowsy to 40 %, relaxed to 60 %, alert to 80 %, hyperalert above. \
                                        Normal: relaxed or alert.""")
                                .size(6, 8)
                                .query(Query.of(q("maximus_arousal_level{$FILTER}"))
                                        .legend("{{service_name}}")
                                        .asInstant())
                                .unit(Units.PERCENT_UNIT)
                                .min(0)
                                .max(1)
                                .thresholds(Cockpit.arousalBands())
                                .mappings(Cockpit.arousalClassWords())
                                .colorBackground())
                        .add(stateTimeline("Arousal class over time")
                                .description(
                                        """
                                        Which class arousal was in, moment by moment: one lane per class, lit \
                                        while the system is in it. Normal: long stretches in relaxed and alert; \
                                        rapid flicker between classes means an unsettled system.""")
                                .size(18, 8)
                                .query(q("maximus_arousal_state{$FILTER}"), "{{service_name}} {{state}}")
                                .unit(Units.NONE)
                                .thresholds(Thresholds.from("transparent").at(1, "green"))
                                .mapping(ValueMapping.value("0", "", "transparent"))
                                .mapping(ValueMapping.value("1", "current class", "green"))
                                .hideValues())
                        .add(Cockpit.arousalAgainstBaseline("Baseline vs actual")
                                .description(
                                        """
                                        The level against the baseline it drifts back to, on the class bands. \
                                        Normal: the level crosses the baseline often; a level that stays on one \
                                        side for long is driven by a sustained need or stress.""")
                                .size(12, 8))
                        .add(Cockpit.needAgainstStress("Contributions: needs and stress")
                                .description(
                                        """
                                        The share of the deviation from baseline driven by needs and by stress; \
                                        the two add up to 100 %. Normal: needs lead. Stress above half during a \
                                        hyperalert stretch is the pattern to investigate.""")
                                .size(12, 8)))
                .row("State transitions", row -> row.add(barGauge("Time in each state")
                                .description(
                                        """
                                        Time spent in each arousal class over the dashboard's range. Normal: most \
                                        time relaxed or alert; hours in sleep or hyperalert are unusual.""")
                                .size(8, 9)
                                .query(Query.of(
                                                q(
                                                        "sum by (state) (increase(maximus_arousal_state_seconds_total{$FILTER}[$__range]))"))
                                        .legend("{{state}}")
                                        .asInstant())
                                .unit(Units.SECONDS)
                                .min(0)
                                .paletteColors()
                                .displayMode(BarGaugePanel.DisplayMode.BASIC))
                        .add(timeseries("Transition frequency")
                                .description(
                                        """
                                        Class changes per minute, by transition (from->to). Arousal moves \
                                        continuously, so transitions go between neighbouring classes. Normal: a \
                                        few per minute; bursts mean arousal hovers on a band edge.""")
                                .size(16, 9)
                                .query(
                                        q(
                                                "60 * sum by (transition) (rate(maximus_arousal_state_transition_total{$FILTER}[$__rate_interval]))"),
                                        "{{transition}}")
                                .unit(Units.OPM)
                                .min(0)
                                .bars()
                                .stacked(false))
                        .add(timeseries("Arousal anomaly (z-score)")
                                .description(
                                        """
                                        How unusual the level is: its distance from the last hour's mean in \
                                        standard deviations. Within ±2 is normal; beyond ±2 is unusual (orange) \
                                        and beyond ±3 anomalous (red).""")
                                .size(24, 8)
                                .query(
                                        q(
                                                """
                                        (maximus_arousal_level{$FILTER} - avg_over_time(maximus_arousal_level{$FILTER}[1h])) \
                                        / stddev_over_time(maximus_arousal_level{$FILTER}[1h])"""),
                                        "{{service_name}}")
                                .unit(Units.NONE)
                                .decimals(1)
                                .thresholds(Thresholds.from("red")
                                        .at(-3, "orange")
                                        .at(-2, "green")
                                        .at(2, "orange")
                                        .at(3, "red"))
                                .thresholdAreas()
                                .softRange(-4, 4)))
                .build();
    }
}
