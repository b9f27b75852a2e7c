package io.vertice.dash.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.model.Panel;
import io.vertice.dash.model.PanelType;
import io.vertice.dash.model.Query;
import io.vertice.dash.model.Units;
import io.vertice.dash.model.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The three narrative dashboards carry what SPEC §3 promises the cockpit team. */
class CockpitDashboardsTest {

    private static final List<Dashboard> ALL = DashboardRegistry.all();

    static Dashboard byUid(String uid) {
        return ALL.stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
    }

    static Map<String, PanelType> panels(Dashboard d) {
        Map<String, PanelType> out = new LinkedHashMap<>();
        d.panels().forEach(p -> out.put(p.title(), p.spec().type()));
        return out;
    }

    @Test
    void theThreeDashboardsHaveTheirStableUids() {
        assertThat(ALL)
                .extracting(Dashboard::uid)
                .containsExactly("arousal-dynamics", "consciousness-overview", "esgt-deep-dive");
        assertThat(ALL)
                .extracting(Dashboard::title)
                .containsExactly("Arousal Dynamics", "Consciousness Overview", "ESGT Deep Dive");
    }

    @Test
    void consciousnessOverviewHasEveryPanelOfTheSpec() {
        assertThat(panels(byUid("consciousness-overview")))
                .containsExactly(
                        entry("System health", PanelType.STAT),
                        entry("Arousal level", PanelType.GAUGE),
                        entry("Arousal and baseline", PanelType.TIMESERIES),
                        entry("ESGT ignitions", PanelType.TIMESERIES),
                        entry("TIG nodes active", PanelType.TIMESERIES),
                        entry("Connectivity and integration", PanelType.TIMESERIES),
                        entry("ESGT success rate and coherence", PanelType.TIMESERIES),
                        entry("Process CPU", PanelType.TIMESERIES),
                        entry("Process memory", PanelType.TIMESERIES),
                        entry("Recent events", PanelType.TABLE),
                        entry("Arousal drivers: need vs stress", PanelType.TIMESERIES));
        Dashboard d = byUid("consciousness-overview");
        assertThat(d.annotations()).hasSize(3); // built-in, ESGT ignitions, arousal class changes
        assertThat(d.toJson().at("/annotations/list/1/expr").asText()).contains("maximus_esgt_ignition_events_total");
        assertThat(d.toJson().at("/annotations/list/2/expr").asText())
                .contains("maximus_arousal_state_transition_total");
        // the health stat maps values to the three words
        String health = d.panels()
                .get(0)
                .toJson()
                .path("fieldConfig")
                .path("defaults")
                .path("mappings")
                .toString();
        assertThat(health).contains("\"Healthy\"", "\"Degraded\"", "\"Critical\"");
    }

    @Test
    void esgtDeepDiveHasEveryPanelOfTheSpec() {
        assertThat(panels(byUid("esgt-deep-dive")))
                .containsExactly(
                        entry("Ignition success rate", PanelType.TIMESERIES),
                        entry("Ignition attempts", PanelType.TIMESERIES),
                        entry("Failure reasons", PanelType.PIE_CHART),
                        entry("Failure reasons over time", PanelType.TIMESERIES),
                        entry("Salience: $component", PanelType.HEATMAP),
                        entry("Coherence distribution", PanelType.HEATMAP),
                        entry("Coherence p50 and p95", PanelType.TIMESERIES),
                        entry("Ignition duration", PanelType.HEATMAP),
                        entry("Ignition duration p95", PanelType.TIMESERIES),
                        entry("Participating nodes", PanelType.BAR_GAUGE),
                        entry("Mean participating nodes", PanelType.TIMESERIES));
        Dashboard d = byUid("esgt-deep-dive");
        Panel salience = d.panels().get(4);
        assertThat(salience.spec().repeat().variable()).isEqualTo("component");
        assertThat(d.variables())
                .filteredOn(v -> v.name().equals("component"))
                .singleElement()
                .isInstanceOfSatisfying(Variable.Custom.class, v -> assertThat(v.values())
                        .containsExactly("novelty", "relevance", "urgency"));
        // heatmaps read buckets, in heatmap format
        d.panels().stream()
                .filter(p -> p.spec().type() == PanelType.HEATMAP)
                .forEach(p -> assertThat(p.spec().targets()).allSatisfy(q -> {
                    assertThat(q.format()).isEqualTo(Query.Format.HEATMAP);
                    assertThat(q.expr()).contains("_bucket").contains("sum by (le)");
                }));
        assertThat(d.panels().get(6).spec().targets())
                .extracting(Query::expr)
                .allMatch(e -> e.startsWith("histogram_quantile(0.5") || e.startsWith("histogram_quantile(0.95"));
    }

    @Test
    void arousalDynamicsHasEveryPanelOfTheSpec() {
        assertThat(panels(byUid("arousal-dynamics")))
                .containsExactly(
                        entry("Arousal now", PanelType.STAT),
                        entry("Arousal class over time", PanelType.STATE_TIMELINE),
                        entry("Baseline vs actual", PanelType.TIMESERIES),
                        entry("Contributions: needs and stress", PanelType.TIMESERIES),
                        entry("Time in each state", PanelType.BAR_GAUGE),
                        entry("Transition frequency", PanelType.TIMESERIES),
                        entry("Arousal anomaly (z-score)", PanelType.TIMESERIES));
        Dashboard d = byUid("arousal-dynamics");
        String now =
                d.panels().get(0).toJson().at("/fieldConfig/defaults/mappings").toString();
        assertThat(now).contains("\"sleep\"", "\"drowsy\"", "\"relaxed\"", "\"alert\"", "\"hyperalert\"");
        assertThat(d.panels().get(1).spec().targets().get(0).expr()).startsWith("maximus_arousal_state{");
        String zSteps = d.panels()
                .get(6)
                .toJson()
                .at("/fieldConfig/defaults/thresholds/steps")
                .toString();
        assertThat(zSteps).contains("\"value\":-3", "\"value\":-2", "\"value\":2", "\"value\":3");
    }

    @Test
    void everyDashboardHasTheThreeVariablesAndEveryQueryFiltersOnBoth() {
        for (Dashboard d : ALL) {
            assertThat(d.variables()).extracting(Variable::name).startsWith("datasource", "environment", "service");
            Variable.Query service = (Variable.Query) d.variables().get(2);
            assertThat(service.multi()).isTrue();
            assertThat(service.includeAll()).isTrue();
            assertThat(((Variable.Query) d.variables().get(1)).query())
                    .isEqualTo("label_values(maximus_arousal_level, environment)");
            for (Panel p : d.panels()) {
                for (Query q : p.spec().targets()) {
                    String where = d.title() + " › " + p.title() + " › " + q.refId();
                    // every selector of the query carries both matchers
                    Matcher m = Pattern.compile("[a-z_:]+\\{([^}]*)}").matcher(q.expr());
                    int selectors = 0;
                    while (m.find()) {
                        selectors++;
                        assertThat(m.group(1))
                                .as(where)
                                .contains("environment=\"$environment\"", "service_name=~\"$service\"");
                    }
                    assertThat(selectors).as(where).isPositive();
                }
            }
        }
    }

    @Test
    void everyPanelUsesTheDatasourceVariableAndTellsItsStory() {
        for (Dashboard d : ALL) {
            for (Panel p : d.panels()) {
                String where = d.title() + " › " + p.title();
                assertThat(p.spec().datasource().uid()).as(where).isEqualTo("${datasource}");
                // a narrative: what it shows, how to read it, what is normal
                assertThat(p.spec().description())
                        .as(where)
                        .hasSizeGreaterThan(80)
                        .containsIgnoringCase("normal");
                assertThat(p.spec().unit()).as(where).isNotEmpty();
            }
        }
    }

    @Test
    void rateWindowsUseRateIntervalAndRatiosUsePercentUnit() {
        Pattern fixedRateWindow =
                Pattern.compile("(rate|increase|irate)\\([^\\[]*\\[(?!\\$__rate_interval|\\$__range)");
        for (Dashboard d : ALL) {
            for (Panel p : d.panels()) {
                for (Query q : p.spec().targets()) {
                    assertThat(fixedRateWindow.matcher(q.expr()).find())
                            .as(p.title() + ": " + q.expr())
                            .isFalse();
                }
                boolean showsRatio = p.spec().targets().stream()
                        .anyMatch(q -> q.expr().matches("^maximus_\\w+_(ratio|score|level|baseline|coherence)\\{.*")
                                || q.expr().startsWith("maximus_phi_proxy"));
                if (showsRatio) {
                    assertThat(p.spec().unit()).as(p.title()).isEqualTo(Units.PERCENT_UNIT);
                }
            }
        }
    }

    @Test
    void onlyMetricsOfTheCatalogueAreQueried() {
        Set<String> catalogue = Set.of(
                "maximus_arousal_level",
                "maximus_arousal_baseline",
                "maximus_arousal_state",
                "maximus_arousal_component_need_ratio",
                "maximus_arousal_component_stress_ratio",
                "maximus_arousal_state_seconds_total",
                "maximus_arousal_state_transition_total",
                "maximus_esgt_ignition_events_total",
                "maximus_esgt_failure_total",
                "maximus_esgt_success_ratio",
                "maximus_esgt_coherence",
                "maximus_esgt_avg_coherence",
                "maximus_esgt_ignition_coherence_bucket",
                "maximus_esgt_duration_seconds_bucket",
                "maximus_esgt_salience_component_bucket",
                "maximus_esgt_participating_nodes_bucket",
                "maximus_esgt_participating_nodes_sum",
                "maximus_esgt_participating_nodes_count",
                "maximus_tig_nodes_active",
                "maximus_tig_nodes_configured",
                "maximus_tig_connectivity_ratio",
                "maximus_tig_integration_score",
                "maximus_phi_proxy",
                "consciousness_event_total",
                "process_cpu_seconds_total",
                "process_resident_memory_bytes");
        Set<String> used = new TreeSet<>();
        for (Dashboard d : ALL) {
            for (Panel p : d.panels()) {
                for (Query q : p.spec().targets()) {
                    Matcher m = Pattern.compile("([a-z_:][a-z0-9_:]*)\\{").matcher(q.expr());
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(catalogue).containsAll(used);
        assertThat(used).hasSizeGreaterThan(20);
    }

    /** The backend is a Python service: a jvm_* series (only the Java simulator has them) would show nothing. */
    @Test
    void noQueryReadsAJvmSeries() {
        for (Dashboard d : ALL) {
            for (Panel p : d.panels()) {
                for (Query q : p.spec().targets()) {
                    assertThat(q.expr()).as("%s › %s", d.title(), p.title()).doesNotContain("jvm_");
                }
            }
            assertThat(d.toJson().toString()).as(d.title()).doesNotContain("jvm_");
        }
    }

    @Test
    void theFilterHelperExpandsEverySelectorAndRefusesAQueryWithoutIt() {
        assertThat(Cockpit.q("sum(rate(x_total{$FILTER, outcome=\"success\"}[5m])) / sum(rate(x_total{$FILTER}[5m]))"))
                .isEqualTo(
                        "sum(rate(x_total{environment=\"$environment\", service_name=~\"$service\", outcome=\"success\"}[5m]))"
                                + " / sum(rate(x_total{environment=\"$environment\", service_name=~\"$service\"}[5m]))");
        assertThatThrownBy(() -> Cockpit.q("rate(x_total[5m])"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{$FILTER}");
    }
}
