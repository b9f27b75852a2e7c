package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.catalog.PrometheusCatalogSource;
import io.vertice.dash.cli.Cli;
import io.vertice.dash.json.Json;
import io.vertice.dash.simulator.SimulatorConfig;
import io.vertice.dash.simulator.SimulatorServer;
import io.vertice.dash.testing.RealPrometheus;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Prometheus (the Debian package, on 127.0.0.1) scrapes the simulator every second; validation reads
 * its catalogue through the HTTP API and runs the dashboards' queries live.
 */
@Timeout(300) // per test: the tests here start servers or processes
class ValidateLivePrometheusTest {
    private static SimulatorServer simulator;
    private static RealPrometheus prometheus;

    @BeforeAll
    static void start() {
        RealPrometheus.binary(); // skips with the reason when the binary is absent
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withSpeed(10), "127.0.0.1", 0);
        prometheus = RealPrometheus.scraping("127.0.0.1:" + simulator.port());
        prometheus.awaitResult("maximus_arousal_level", r -> r.size() >= 2, Duration.ofSeconds(30));
        // rate windows are four scrape intervals (4 s): wait until they hold enough samples
        prometheus.awaitResult(
                "rate(maximus_esgt_ignition_events_total[4s])", r -> r.size() >= 4, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void catalogueFromThePrometheusApiHasTypesLabelsAndValues() {
        MetricCatalog catalog = new PrometheusCatalogSource(new PrometheusApi(prometheus.url())).load();
        assertThat(catalog.series("maximus_arousal_state"))
                .hasValueSatisfying(s -> assertThat(s.family().labels().get("state"))
                        .contains("sleep", "drowsy", "relaxed", "alert", "hyperalert"));
        assertThat(catalog.series("maximus_esgt_ignition_events_total")).hasValueSatisfying(s -> {
            assertThat(s.family().type()).isEqualTo(MetricType.COUNTER);
            assertThat(s.labelNames()).contains("outcome", "environment", "service_name", "job", "instance");
        });
        assertThat(catalog.series("maximus_esgt_duration_seconds_bucket")).hasValueSatisfying(s -> {
            assertThat(s.family().type()).isEqualTo(MetricType.HISTOGRAM);
            assertThat(s.labelNames()).contains("le");
        });
        assertThat(catalog.series("maximus_arousal_level")
                        .orElseThrow()
                        .family()
                        .type())
                .isEqualTo(MetricType.GAUGE);
        assertThat(catalog.series("up")).isPresent();
        assertThat(catalog.series("ALERTS")).isPresent();
    }

    @Test
    void ourDashboardsValidateLiveWithoutAnEmptyQuery() {
        Cli.Result r = Cli.run("validate", "--prometheus", prometheus.url(), "--live", "--format", "json");
        JsonNode report = Json.parse(r.out(), "stdout");
        List<String> live = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (JsonNode f : report.path("findings")) {
            if (f.path("rule").asText().startsWith("live-")) {
                live.add(f.toString());
            }
            if (f.path("severity").asText().equals("error")) {
                errors.add(f.toString());
            }
        }
        assertThat(live).as("queries that return nothing").isEmpty();
        assertThat(errors).as("error findings against the Prometheus catalogue").isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(report.path("summary").path("dashboards").asInt()).isEqualTo(3);
        assertThat(report.path("summary").path("queries").asInt()).isGreaterThan(20);
    }

    @Test
    void wrongLabelValueMissingLabelAndUnknownMetricAreExplained() throws URISyntaxException {
        Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/validate/wrong-labels.json"))
                .toURI());
        Cli.Result r = Cli.run("validate", fixture.toString(), "--prometheus", prometheus.url(), "--live");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "Wrong labels › Focused time (id 1) › A: error live-no-data: returns no data: label value missing: "
                                + "no series of maximus_arousal_state has state=\"focused\" (values seen: alert, drowsy, hyperalert, relaxed, sleep).");
        assertThat(r.out())
                .contains(
                        "Wrong labels › Zone (id 2) › A: error live-no-data: returns no data: label zone is missing on maximus_arousal_level.");
        assertThat(r.out())
                .contains(
                        "Wrong labels › Ghost (id 3) › A: error live-no-data: returns no data: metric maximus_ghost_events_total has no series");
        assertThat(r.out()).doesNotContain("Level (id 4) › A: error live");
        // the static rules, with the catalogue read from the same Prometheus, say it too, with positions
        assertThat(r.out())
                .contains(
                        "Focused time (id 1) › A: error unknown-label-value: label state of maximus_arousal_state: value \"focused\" never occurs");
    }
}
