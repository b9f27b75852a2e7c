package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.vertice.dash.json.Json;
import io.vertice.dash.simulator.SimulatorConfig;
import io.vertice.dash.simulator.SimulatorServer;
import io.vertice.dash.testing.RealPrometheus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120) // per test: the tests here start servers or processes
class ValidateCommandTest {
    /** One error (unknown label value), one warning (fixed window), one info (no description). */
    private static final String DASHBOARD =
            """
            {"title": "Small", "uid": "small",
             "templating": {"list": [{"name": "datasource", "type": "datasource", "query": "prometheus"}]},
             "panels": [
               {"id": 1, "type": "timeseries", "title": "States", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                "datasource": {"type": "prometheus", "uid": "${datasource}"},
                "targets": [{"refId": "A", "expr": "maximus_arousal_state{state=\\"focused\\"}"},
                            {"refId": "B", "expr": "sum(rate(maximus_esgt_ignition_events_total[5m]))"}]},
               {"id": 2, "type": "stat", "title": "Level", "description": "Current level.", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
                "datasource": {"type": "prometheus", "uid": "${datasource}"},
                "targets": [{"refId": "A", "expr": "avg(maximus_arousal_level)"}]}
             ]}
            """;

    private static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void textReportOneLinePerFindingThenSummaryAndExitOneOnErrors(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.json", DASHBOARD);
        Cli.Result r = Cli.run("validate", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().toList())
                .containsExactly(
                        f
                                + ": Small › States (id 1): info panel-description: has no description; say what it shows, how to read it and what is normal.",
                        f
                                + ": Small › States (id 1) › A: error unknown-label-value: label state of maximus_arousal_state: value \"focused\" never occurs;"
                                + " known values: alert, drowsy, hyperalert, relaxed, sleep. (line 1, column 29)",
                        f
                                + ": Small › States (id 1) › B: warning fixed-rate-window: rate() over a fixed [5m] window; use [$__rate_interval]. (line 1, column 45)",
                        "1 dashboard, 2 panels, 3 queries: 1 error, 1 warning, 1 info");
    }

    @Test
    void jsonReportHasExactlyTheDocumentedShape(@TempDir Path dir) throws IOException {
        Cli.Result r = Cli.run("validate", write(dir, "small.json", DASHBOARD).toString(), "--format", "json");
        assertThat(r.exit()).isEqualTo(1);
        JsonNode report = Json.parse(r.out(), "stdout");
        List<String> keys = new ArrayList<>();
        report.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("findings", "summary");
        JsonNode first = report.path("findings").get(1);
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "file",
                        "dashboard",
                        "panel",
                        "panelId",
                        "refId",
                        "rule",
                        "severity",
                        "message",
                        "line",
                        "column");
        assertThat(first.path("rule").asText()).isEqualTo("unknown-label-value");
        assertThat(first.path("severity").asText()).isEqualTo("error");
        assertThat(first.path("line").asInt()).isEqualTo(1);
        assertThat(first.path("column").asInt()).isEqualTo(29);
        assertThat(report.path("findings").get(0).path("line").isNull()).isTrue();
        assertThat(report.path("summary").toString())
                .isEqualTo("{\"dashboards\":1,\"errors\":1,\"excluded\":0,\"panels\":2,\"queries\":3,\"warnings\":1}");
        // byte-stable: the same input gives the same bytes
        assertThat(Cli.run("validate", dir.resolve("small.json").toString(), "--format", "json")
                        .out())
                .isEqualTo(r.out());
    }

    @Test
    void githubFormatPrintsWorkflowCommands(@TempDir Path dir) throws IOException {
        Path f = write(dir, "small.json", DASHBOARD);
        Cli.Result r = Cli.run("validate", f.toString(), "--format", "github");
        assertThat(r.out())
                .contains(
                        "::error file=" + f + ",title=unknown-label-value%3A Small › States (id 1) › A::label state of "
                                + "maximus_arousal_state: value \"focused\" never occurs; known values: alert, drowsy, hyperalert, relaxed, sleep. "
                                + "(line 1, column 29 of the query)");
        assertThat(r.out()).contains("::warning file=" + f + ",title=fixed-rate-window%3A Small › States (id 1) › B::");
        assertThat(r.out()).contains("::notice file=" + f + ",title=panel-description%3A Small › States (id 1)::");
    }

    @Test
    void junitReportHasASuitePerDashboardACasePerQueryAndFailuresForErrors(@TempDir Path dir) throws Exception {
        Path f = write(dir, "small.json", DASHBOARD);
        Path xml = dir.resolve("reports/validate.xml");
        Cli.Result r = Cli.run("validate", f.toString(), "--format", "junit", "--output", xml.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out())
                .contains(
                        "1 dashboard, 2 panels, 3 queries: 1 error, 1 warning, 1 info (report written to " + xml + ")");
        var doc = javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(xml.toFile());
        var suites = doc.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(1);
        assertThat(suites.item(0).getAttributes().getNamedItem("name").getNodeValue())
                .isEqualTo("Small");
        var cases = doc.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(cases.item(i).getAttributes().getNamedItem("name").getNodeValue());
        }
        assertThat(names).containsExactly("States › A", "States › B", "Level › A", "States");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(doc.getElementsByTagName("failure")
                        .item(0)
                        .getAttributes()
                        .getNamedItem("type")
                        .getNodeValue())
                .isEqualTo("unknown-label-value");
    }

    @Test
    void ourDashboardsByDefaultHaveNoErrors() {
        Cli.Result r = Cli.run("validate");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("3 dashboards").contains(": 0 errors");
    }

    @Test
    void malformedFileIsExitTwoNamingFileAndPosition(@TempDir Path dir) throws IOException {
        Path f = write(dir, "broken.json", "{\n  \"panels\": [\n    {\"id\": 1,}\n  ]\n}\n");
        Cli.Result r = Cli.run("validate", f.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .startsWith("dash: " + f + " is not valid JSON at line 3, column")
                .doesNotContain("Exception");
        Cli.Result missing = Cli.run("validate", dir.resolve("nope.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json does not exist.");
    }

    @Test
    void bothCatalogueSourcesIsAUsageError() {
        Cli.Result r = Cli.run(
                "validate", "--metrics-url", "http://127.0.0.1:1/metrics", "--prometheus", "http://127.0.0.1:1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("pass only one");
    }

    @Test
    void unreachablePrometheusIsExitThreeInOneSentence() {
        int port = RealPrometheus.freePort();
        Cli.Result r = Cli.run("validate", "--prometheus", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().strip())
                .isEqualTo(
                        "dash: Cannot reach Prometheus at http://127.0.0.1:" + port
                                + " (connection refused on GET /api/v1/label/__name__/values after 3 attempts); check --prometheus or PROMETHEUS_URL and that the server is up.");
    }

    @Test
    void verboseShowsEveryRequestAndRetryToTheRemote() {
        int port = RealPrometheus.freePort();
        Cli.Result r = Cli.run("validate", "--verbose", "--prometheus", "http://127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(3);
        List<String> lines = r.err().lines().toList();
        assertThat(lines.stream()
                        .filter(l -> l.startsWith("dash: GET /api/v1/label/__name__/values?start=")
                                && l.contains("ConnectException")))
                .hasSize(3);
        assertThat(lines.stream().filter(l -> l.startsWith("dash: retrying GET /api/v1/label/__name__/values")))
                .hasSize(2);
    }

    @Test
    void serverErrorsAndNonPrometheusAnswersAreExitThree() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/broken", ex -> {
            byte[] b = "{\"status\":\"error\",\"errorType\":\"internal\",\"error\":\"storage is on fire\"}"
                    .getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.createContext("/html", ex -> {
            byte[] b = "<html>login</html>".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Cli.Result broken = Cli.run("validate", "--prometheus", base + "/broken");
            assertThat(broken.exit()).isEqualTo(3);
            assertThat(broken.err())
                    .contains(
                            "failed GET /api/v1/label/__name__/values with HTTP 503 after 3 attempts: storage is on fire.");
            Cli.Result html = Cli.run("validate", "--prometheus", base + "/html");
            assertThat(html.exit()).isEqualTo(3);
            assertThat(html.err()).contains("does not look like a Prometheus API");
            Cli.Result metrics = Cli.run("validate", "--metrics-url", base + "/html");
            assertThat(metrics.exit()).isEqualTo(3);
            assertThat(metrics.err()).contains("is not a Prometheus exposition");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void metricsUrlReadsAnExportersScrape(@TempDir Path dir) throws IOException {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults(), "127.0.0.1", 0)) {
            Cli.Result ours = Cli.run("validate", "--metrics-url", sim.metricsUrl());
            assertThat(ours.exit()).as(ours.out() + ours.err()).isZero();
            Cli.Result wrong = Cli.run(
                    "validate", write(dir, "small.json", DASHBOARD).toString(), "--metrics-url", sim.metricsUrl());
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.out()).contains("value \"focused\" never occurs");
        }
    }

    @Test
    void liveWithoutPrometheusUrlIsAUsageError() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("PROMETHEUS_URL") == null,
                "skipped: PROMETHEUS_URL is set in this environment, so --live has a URL");
        Cli.Result r = Cli.run("validate", "--live");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--live needs a Prometheus URL");
    }
}
