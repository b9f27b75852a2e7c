package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.catalog.PrometheusCatalogSource;
import io.vertice.dash.json.Json;
import io.vertice.dash.simulator.SimulatorConfig;
import io.vertice.dash.simulator.SimulatorServer;
import io.vertice.dash.testing.AuthGateway;
import io.vertice.dash.testing.RealPrometheus;
import io.vertice.dash.testing.RealServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The remote catalogue and --live against real engines on 127.0.0.1, all scraping the simulator every second:
 * Prometheus 2.42, VictoriaMetrics 1.79 (no metadata: types inferred from the series), and an authenticating
 * gateway in front of Prometheus that demands a bearer token and a tenant and echoes what it got when refusing.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RemoteEnginesTest {
    private static final String TOKEN = "mimir-gw-token-7Hq2xZ";
    private static final String TENANT = "cockpit";
    private static SimulatorServer simulator;
    private static RealPrometheus prometheus;
    private static RealServer victoria;
    private static AuthGateway gateway;

    @BeforeAll
    static void start() {
        RealPrometheus.binary();
        RealServer.binary("victoria-metrics");
        simulator = SimulatorServer.start(SimulatorConfig.defaults().withSpeed(10), "127.0.0.1", 0);
        String target = "127.0.0.1:" + simulator.port();
        prometheus = RealPrometheus.scraping(target);
        victoria = RealServer.victoriaMetrics(target);
        gateway = AuthGateway.inFrontOf(prometheus.url(), TOKEN, TENANT);
        prometheus.awaitResult(
                "rate(maximus_esgt_ignition_events_total[4s])", r -> r.size() >= 4, Duration.ofSeconds(60));
        awaitVictoria("rate(maximus_esgt_ignition_events_total[60s])", 4, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {gateway, victoria, prometheus, simulator}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // the others are still stopped
            }
        }
    }

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(
                        "Prometheus 2.42",
                        (java.util.function.Supplier<String>) () -> prometheus.url(),
                        Map.of(),
                        List.of()),
                Arguments.of(
                        "VictoriaMetrics 1.79",
                        (java.util.function.Supplier<String>) () -> victoria.url(),
                        Map.of(),
                        List.of()),
                Arguments.of(
                        "gateway, PROMETHEUS_TOKEN and PROMETHEUS_TENANT",
                        (java.util.function.Supplier<String>) () -> gateway.url(),
                        Map.of("PROMETHEUS_TOKEN", TOKEN, "PROMETHEUS_TENANT", TENANT),
                        List.of()),
                Arguments.of(
                        "gateway, PROMETHEUS_TOKEN and --tenant",
                        (java.util.function.Supplier<String>) () -> gateway.url(),
                        Map.of("PROMETHEUS_TOKEN", TOKEN),
                        List.of("--tenant", TENANT)),
                Arguments.of(
                        "gateway, --header for both",
                        (java.util.function.Supplier<String>) () -> gateway.url(),
                        Map.of(),
                        List.of("--header", "Authorization: Bearer " + TOKEN, "--header", "X-Scope-OrgID: " + TENANT)),
                Arguments.of(
                        "gateway, PROMETHEUS_URL",
                        (java.util.function.Supplier<String>) () -> "",
                        Map.of("PROMETHEUS_URL", gateway.url(), "PROMETHEUS_TOKEN", TOKEN, "PROMETHEUS_TENANT", TENANT),
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void ourDashboardsValidateLiveWithoutAnError(
            String name, java.util.function.Supplier<String> url, Map<String, String> env, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("validate", "--live", "--format", "json"));
        args.addAll(extra);
        args.add("--prometheus");
        if (!url.get().isEmpty()) {
            args.add(url.get());
        }
        Cli.Result r = Cli.run(env, args.toArray(String[]::new));
        JsonNode report = Json.parse(r.out(), "stdout");
        List<String> errors = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (!f.path("severity").asText().equals("info")) {
                errors.add(f.toString());
            }
        });
        assertThat(errors).as(name + ": " + r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(report.path("summary").path("queries").asInt()).isGreaterThan(20);
    }

    @Test
    void victoriaMetricsGivesWhatPrometheusGives() {
        String fixture = fixture("/validate/wrong-labels.json");
        for (String[] args : List.of(new String[] {"validate"}, new String[] {"validate", fixture})) {
            assertThat(findings(victoria.url(), args))
                    .as(String.join(" ", args))
                    .isEqualTo(findings(prometheus.url(), args))
                    .isNotNull();
        }
        assertThat(findings(victoria.url(), new String[] {"validate", fixture}))
                .anyMatch(f -> f.contains("live-no-data"));
    }

    @Test
    void victoriaMetricsTypesAreInferredFromTheSeries() {
        MetricCatalog catalog = new PrometheusCatalogSource(new PrometheusApi(victoria.url())).load();
        assertThat(catalog.series("maximus_esgt_duration_seconds_bucket")).hasValueSatisfying(s -> {
            assertThat(s.family().type()).isEqualTo(MetricType.HISTOGRAM);
            assertThat(s.labelNames()).contains("le");
        });
        assertThat(catalog.series("maximus_esgt_ignition_events_total")
                        .orElseThrow()
                        .family()
                        .type())
                .isEqualTo(MetricType.COUNTER);
        assertThat(catalog.series("maximus_arousal_level")
                        .orElseThrow()
                        .family()
                        .type())
                .as("a gauge is not recognisable from its series: its type is unknown, not guessed")
                .isEqualTo(MetricType.UNKNOWN);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of(
                        "wrong token",
                        Map.of("PROMETHEUS_TOKEN", "wrong-token-Zq81", "PROMETHEUS_TENANT", TENANT),
                        "wrong-token-Zq81"),
                Arguments.of(
                        "right token, wrong tenant",
                        Map.of("PROMETHEUS_TOKEN", TOKEN, "PROMETHEUS_TENANT", "other"),
                        TOKEN),
                Arguments.of("no tenant", Map.of("PROMETHEUS_TOKEN", TOKEN), TOKEN),
                Arguments.of(
                        "basic auth instead of a token",
                        Map.of(
                                "PROMETHEUS_USER",
                                "ops",
                                "PROMETHEUS_PASSWORD",
                                "hunter2-pw",
                                "PROMETHEUS_TENANT",
                                TENANT),
                        "hunter2-pw"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void theGatewayRefusingIsExit3AndTheSecretIsNeverPrinted(String name, Map<String, String> env, String secret) {
        for (String format : List.of("text", "json")) {
            Cli.Result r =
                    Cli.run(env, "validate", "--prometheus", gateway.url(), "--live", "--verbose", "--format", format);
            assertThat(r.exit()).as(r.all()).isEqualTo(3);
            assertThat(r.err()).contains("refused the credentials").contains(gateway.url());
            assertThat(r.all()).doesNotContain(secret);
        }
    }

    @Test
    void theCatalogueAsksOnlyAboutTheMetricsTheDashboardsReference() {
        gateway.forget();
        Cli.Result r = Cli.run(
                Map.of("PROMETHEUS_TOKEN", TOKEN, "PROMETHEUS_TENANT", TENANT),
                "validate",
                "--prometheus",
                gateway.url());
        assertThat(r.exit()).as(r.all()).isZero();
        List<AuthGateway.Seen> seen = gateway.seen();
        assertThat(seen).isNotEmpty().allSatisfy(s -> assertThat(s.passed()).isTrue());
        assertThat(seen).as("never every series of the server").noneMatch(s -> s.path()
                .equals("/api/v1/series"));
        assertThat(seen)
                .filteredOn(s -> s.path().startsWith("/api/v1/label"))
                .as("label names and values only of the referenced metrics, within the lookback")
                .allSatisfy(s ->
                        assertThat(s.params()).contains("match[]={__name__").contains("start="));
        assertThat(seen)
                .filteredOn(
                        s -> s.path().startsWith("/api/v1/label") && s.params().contains("maximus_arousal_state"))
                .isNotEmpty();
    }

    @Test
    void liveFindingsDoNotDependOnTheParallelism() {
        String fixture = fixture("/validate/wrong-labels.json");
        Cli.Result one =
                Cli.run(Map.of(), "validate", fixture, "--prometheus", prometheus.url(), "--live", "--parallel", "1");
        Cli.Result eight =
                Cli.run(Map.of(), "validate", fixture, "--prometheus", prometheus.url(), "--live", "--parallel", "8");
        assertThat(one.exit()).isEqualTo(1);
        assertThat(eight.out()).isEqualTo(one.out()).contains("live-no-data");
    }

    /** The findings (rule, panel, message), with the server's URL taken out. */
    private static java.util.SortedSet<String> findings(String url, String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--prometheus", url, "--live", "--format", "json"));
        Cli.Result r = Cli.run(Map.of(), a.toArray(String[]::new));
        assertThat(r.exit()).as(r.all()).isIn(0, 1);
        TreeSet<String> out = new TreeSet<>();
        Json.parse(r.out(), "stdout")
                .path("findings")
                .forEach(f -> out.add(f.path("severity").asText() + " "
                        + f.path("rule").asText() + " " + f.path("panel").asText() + " "
                        + f.path("refId").asText() + ": "
                        + f.path("message").asText().replace(url, "URL")));
        return out;
    }

    private static String fixture(String resource) {
        try {
            return Path.of(Objects.requireNonNull(RemoteEnginesTest.class.getResource(resource))
                            .toURI())
                    .toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitVictoria(String promql, int atLeast, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create(victoria.url() + "/api/v1/query?query="
                                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                last = r.body();
                if (r.statusCode() == 200
                        && Json.parse(r.body(), "vm")
                                        .path("data")
                                        .path("result")
                                        .size()
                                >= atLeast) {
                    return;
                }
                Thread.sleep(500);
            } catch (java.io.IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("VictoriaMetrics: " + promql + " still gives " + last + "\n" + victoria.logTail());
    }
}
