package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.catalog.PrometheusCatalogSource;
import io.vertice.dash.cli.Cli;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.RealPrometheus;
import io.vertice.dash.testing.RealServer;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The public dashboards written for Debian's exporters, validated live against those exporters (node exporter,
 * Alertmanager, VictoriaMetrics, Prometheus itself) scraped every second by a real Prometheus 2.42, all on
 * 127.0.0.1: the four false-error classes of issue 13 stay away, the real findings stay.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ExportersLiveTest {
    private static final List<AutoCloseable> started = new ArrayList<>();
    private static RealPrometheus prometheus;
    private static Path corpus;

    @BeforeAll
    static void start() throws IOException {
        corpus = SharedDir.require("dashboards-corpus");
        RealPrometheus.binary();
        RealServer node = start(RealServer.start(
                "prometheus-node-exporter",
                "/metrics",
                (port, dir) -> List.of("--web.listen-address=127.0.0.1:" + port)));
        RealServer alertmanager = start(RealServer.start("prometheus-alertmanager", "/-/ready", (port, dir) -> {
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, "route:\n  receiver: \"null\"\nreceivers:\n  - name: \"null\"\n");
            return List.of(
                    "--config.file=" + config,
                    "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=");
        }));
        RealServer victoria = start(RealServer.start(
                "victoria-metrics",
                "/health",
                (port, dir) -> List.of(
                        "-httpListenAddr=127.0.0.1:" + port,
                        "-storageDataPath=" + dir.resolve("data"),
                        "-loggerLevel=ERROR")));
        RealPrometheus scraped = start(RealPrometheus.start("global:\n  scrape_interval: 1s\n"));
        prometheus = start(RealPrometheus.start(
                """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - {job_name: node, static_configs: [{targets: ['%s']}]}
                  - {job_name: node-exporter, static_configs: [{targets: ['%s']}]}
                  - {job_name: alertmanager, static_configs: [{targets: ['%s']}]}
                  - {job_name: victoriametrics, static_configs: [{targets: ['%s']}]}
                  - {job_name: prometheus, static_configs: [{targets: ['%s']}]}
                """
                        .formatted(
                                node.hostPort(),
                                node.hostPort(),
                                alertmanager.hostPort(),
                                victoria.hostPort(),
                                scraped.url().substring("http://".length()))));
        prometheus.awaitResult("up == 1", r -> r.size() == 5, Duration.ofSeconds(60));
        prometheus.awaitResult("rate(node_cpu_seconds_total[4s])", r -> r.size() > 0, Duration.ofSeconds(60));
    }

    private static <T extends AutoCloseable> T start(T server) {
        started.add(0, server);
        return server;
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                // stop the others anyway
            }
        }
    }

    private static JsonNode validate(Path... files) {
        List<String> args = new ArrayList<>(List.of("validate"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--prometheus", prometheus.url(), "--live", "--format", "json"));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        return Json.parse(r.out(), "stdout");
    }

    private static List<String> findings(JsonNode report, String rule) {
        List<String> out = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("rule").asText().equals(rule)) {
                out.add(f.path("panel").asText() + ": " + f.path("message").asText());
            }
        });
        return out;
    }

    @Test
    void aSavedVariableValueThatIsNotAmongTheOptionsIsReplacedAsGrafanaReplacesIt(@TempDir Path tmp)
            throws IOException {
        Path original = corpus.resolve("rfmoz/node-exporter-full.json");
        ObjectNode saved = (ObjectNode) Json.MAPPER.readTree(original.toFile());
        // saved in another installation: its job, host name and instance do not exist here
        for (JsonNode v : saved.path("templating").path("list")) {
            String value =
                    switch (v.path("name").asText()) {
                        case "job" -> "node-prod";
                        case "nodename" -> "web-01";
                        case "node" -> "web-01:9100";
                        default -> null;
                    };
            if (value != null) {
                ObjectNode current = ((ObjectNode) v).putObject("current");
                current.put("text", value);
                current.put("value", value);
            }
        }
        Path copy = tmp.resolve("node-exporter-full.json");
        Files.writeString(copy, Json.MAPPER.writeValueAsString(saved));
        List<String> live = findings(validate(copy), "live-no-data");
        assertThat(live).noneMatch(f -> f.contains("node-prod") || f.contains("web-01"));
        assertThat(live)
                .as("the same panels are empty as with no saved value")
                .hasSameSizeAs(findings(validate(original), "live-no-data"));
    }

    @Test
    void aRegexMatcherOnAVariableIsJudgedByTheValueGrafanaSends() {
        // kube-prometheus: namespace and service variables find no option here, so Grafana sends namespace=~""
        JsonNode alertmanager = validate(corpus.resolve("kube-prometheus/alertmanager-overview.json"));
        assertThat(findings(alertmanager, "unknown-label"))
                .noneMatch(f -> f.contains("=~\"$namespace\"") || f.contains("=~\"$service\""));
        assertThat(findings(alertmanager, "live-no-data"))
                .noneMatch(f -> f.contains("namespace") || f.contains("service"));
        // node-exporter mixin: cluster=~"$cluster" with All = .*
        JsonNode nodes = validate(corpus.resolve("mixins-website/node-exporter__nodes.json"));
        assertThat(findings(nodes, "unknown-label")).noneMatch(f -> f.contains("cluster=~"));
        assertThat(findings(nodes, "live-no-data")).isEmpty();
        // but All = .+ (the Prometheus mixin) requires the label, which a single Prometheus does not have: real
        JsonNode prom = validate(corpus.resolve("mixins-website/prometheus__prometheus.json"));
        assertThat(findings(prom, "live-no-data")).anyMatch(f -> f.contains("label cluster is missing"));
    }

    @Test
    void oneBranchOfAnOrMissingIsInfoWhileAnotherHasData() throws Exception {
        Path fixture = Path.of(Objects.requireNonNull(getClass().getResource("/validate/live/renamed-metric.json"))
                .toURI());
        JsonNode report = validate(fixture);
        List<String> errors = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("severity").asText().equals("error")) {
                errors.add(f.path("panel").asText() + " " + f.path("rule").asText());
            }
        });
        assertThat(errors)
                .as("the panel with both names has data")
                .noneMatch(e -> e.startsWith("CPU idle, both names"));
        assertThat(errors)
                .as("the panel with the old name only is empty")
                .contains("CPU idle, old name only unknown-metric", "CPU idle, old name only live-no-data");
        assertThat(findings(report, "live-branch-missing"))
                .singleElement()
                .asString()
                .startsWith("CPU idle, both names: this branch of \"or\" returns no data while another has data")
                .contains("node_cpu is not in the metric catalogue");
    }

    @Test
    void aCounterXTotalBesideAGaugeXIsItsOwnFamily() {
        MetricCatalog catalog = new PrometheusCatalogSource(new PrometheusApi(prometheus.url())).load();
        assertThat(catalog.series("go_memstats_alloc_bytes")
                        .orElseThrow()
                        .family()
                        .type())
                .isEqualTo(MetricType.GAUGE);
        assertThat(catalog.series("go_memstats_alloc_bytes_total")
                        .orElseThrow()
                        .family()
                        .type())
                .isEqualTo(MetricType.COUNTER);
        JsonNode vm = validate(corpus.resolve("victoriametrics/victoriametrics.json"));
        assertThat(findings(vm, "unknown-metric")).noneMatch(f -> f.contains("go_memstats_alloc_bytes_total"));
        assertThat(findings(vm, "rate-on-gauge")).noneMatch(f -> f.contains("go_memstats_alloc_bytes_total"));
    }
}
