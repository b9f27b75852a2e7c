package io.vertice.dash.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the query-driven catalogue groups and types what a server holds, with and without the server's metadata
 * (Prometheus has it, VictoriaMetrics answers {@code /api/v1/metadata} with nothing). A small in-test server
 * answers the Prometheus API from a fixed list of series.
 */
class QueryDrivenCatalogueTest {
    private static final Pattern MATCH = Pattern.compile("\\{__name__(=~?)\"([^\"]*)\"}");
    private static final List<Map<String, String>> SERIES = List.of(
            series("req_duration_seconds_bucket", "le", "0.5", "path", "/a"),
            series("req_duration_seconds_sum", "path", "/a"),
            series("req_duration_seconds_count", "path", "/a"),
            series("rpc_latency_seconds", "quantile", "0.9", "method", "get"),
            series("rpc_latency_seconds_sum", "method", "get"),
            series("rpc_latency_seconds_count", "method", "get"),
            series("jobs_done_total", "queue", "mail"),
            series("temperature_celsius", "room", "lab"),
            series("go_memstats_alloc_bytes", "job", "x"),
            series("go_memstats_alloc_bytes_total", "job", "x"),
            series("odd_bucket", "zone", "a"),
            series("odd_count", "zone", "a"),
            series("noise_metric", "pod", "p1"));
    private static final String PROMETHEUS_METADATA =
            """
            {"req_duration_seconds":[{"type":"histogram","help":"h"}],"rpc_latency_seconds":[{"type":"summary","help":"s"}],
             "jobs_done_total":[{"type":"counter","help":"c"}],"temperature_celsius":[{"type":"gauge","help":"g"}],
             "go_memstats_alloc_bytes":[{"type":"gauge","help":"g"}],"go_memstats_alloc_bytes_total":[{"type":"counter","help":"c"}],
             "odd_bucket":[{"type":"gauge","help":"g"}],"odd_count":[{"type":"gauge","help":"g"}]}""";

    private HttpServer server;
    private final List<String> asked = new ArrayList<>();
    private String metadata;

    private static Map<String, String> series(String name, String... labels) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("__name__", name);
        for (int i = 0; i < labels.length; i += 2) {
            m.put(labels[i], labels[i + 1]);
        }
        m.put("instance", "h:1");
        return m;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String params = (query == null ? "" : query) + "&" + body;
        List<String> match = new ArrayList<>();
        for (String p : params.split("&", -1)) {
            if (p.startsWith("match%5B%5D=") || p.startsWith("match[]=")) {
                match.add(URLDecoder.decode(p.substring(p.indexOf('=') + 1), StandardCharsets.UTF_8));
            }
        }
        String path = ex.getRequestURI().getPath();
        synchronized (asked) {
            asked.add(path + " " + match);
        }
        String data;
        if (path.equals("/api/v1/metadata")) {
            data = metadata;
        } else if (path.equals("/api/v1/labels")) {
            Set<String> names = new TreeSet<>();
            selected(match).forEach(s -> names.addAll(s.keySet()));
            data = json(names);
        } else if (path.startsWith("/api/v1/label/")) {
            String label = path.substring("/api/v1/label/".length(), path.length() - "/values".length());
            Set<String> values = new TreeSet<>();
            selected(match).forEach(s -> {
                if (s.containsKey(label)) {
                    values.add(s.get(label));
                }
            });
            data = json(values);
        } else {
            data = "[]";
        }
        byte[] out = ("{\"status\":\"success\",\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    private static List<Map<String, String>> selected(List<String> match) {
        if (match.isEmpty()) {
            return SERIES;
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (Map<String, String> s : SERIES) {
            for (String m : match) {
                Matcher x = MATCH.matcher(m);
                if (x.matches()
                        && (x.group(1).equals("=")
                                ? s.get("__name__").equals(x.group(2))
                                : s.get("__name__").matches(x.group(2)))) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    private static String json(Set<String> values) {
        return values.stream()
                .map(v -> "\"" + v + "\"")
                .reduce((a, b) -> a + "," + b)
                .map(s -> "[" + s + "]")
                .orElse("[]");
    }

    private MetricCatalog load(String metadata) {
        this.metadata = metadata;
        Demand.Builder demand = new Demand.Builder();
        for (String name : List.of(
                "req_duration_seconds_bucket",
                "rpc_latency_seconds",
                "jobs_done_total",
                "temperature_celsius",
                "go_memstats_alloc_bytes",
                "go_memstats_alloc_bytes_total",
                "odd_bucket")) {
            demand.metric(name);
        }
        demand.label("req_duration_seconds_bucket", "path").label("temperature_celsius", "room");
        PrometheusApi api =
                new PrometheusApi("http://127.0.0.1:" + server.getAddress().getPort());
        return new PrometheusCatalogSource(api, Duration.ofHours(1), demand.build(), 2).load();
    }

    static Stream<Arguments> types() {
        return Stream.of(
                Arguments.of(
                        "histogram, metadata",
                        PROMETHEUS_METADATA,
                        "req_duration_seconds_bucket",
                        MetricType.HISTOGRAM,
                        "req_duration_seconds"),
                Arguments.of(
                        "histogram, by its shape",
                        "{}",
                        "req_duration_seconds_bucket",
                        MetricType.HISTOGRAM,
                        "req_duration_seconds"),
                Arguments.of(
                        "summary, metadata",
                        PROMETHEUS_METADATA,
                        "rpc_latency_seconds_count",
                        MetricType.SUMMARY,
                        "rpc_latency_seconds"),
                Arguments.of(
                        "summary, by its shape",
                        "{}",
                        "rpc_latency_seconds_count",
                        MetricType.SUMMARY,
                        "rpc_latency_seconds"),
                Arguments.of(
                        "counter, metadata", PROMETHEUS_METADATA, "jobs_done_total", MetricType.COUNTER, "jobs_done"),
                Arguments.of("counter, by its suffix", "{}", "jobs_done_total", MetricType.COUNTER, "jobs_done"),
                Arguments.of(
                        "gauge, metadata",
                        PROMETHEUS_METADATA,
                        "temperature_celsius",
                        MetricType.GAUGE,
                        "temperature_celsius"),
                Arguments.of(
                        "gauge, no metadata: unknown",
                        "{}",
                        "temperature_celsius",
                        MetricType.UNKNOWN,
                        "temperature_celsius"),
                Arguments.of(
                        "gauge X beside counter X_total: the gauge",
                        PROMETHEUS_METADATA,
                        "go_memstats_alloc_bytes",
                        MetricType.GAUGE,
                        "go_memstats_alloc_bytes"),
                Arguments.of(
                        "gauge X beside counter X_total: the counter",
                        PROMETHEUS_METADATA,
                        "go_memstats_alloc_bytes_total",
                        MetricType.COUNTER,
                        "go_memstats_alloc_bytes_total"),
                Arguments.of(
                        "X_total beside X, no metadata",
                        "{}",
                        "go_memstats_alloc_bytes_total",
                        MetricType.COUNTER,
                        "go_memstats_alloc_bytes_total"),
                Arguments.of(
                        "_bucket without le is no histogram", "{}", "odd_bucket", MetricType.UNKNOWN, "odd_bucket"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void typedAndGroupedAsTheServerSaysOrAsTheSeriesShow(
            String name, String metadata, String series, MetricType type, String family) {
        MetricCatalog catalog = load(metadata);
        assertThat(catalog.series(series))
                .as(catalog.families().keySet().toString())
                .hasValueSatisfying(s -> {
                    assertThat(s.family().type()).isEqualTo(type);
                    assertThat(s.family().name()).isEqualTo(family);
                });
    }

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("with metadata (Prometheus)", PROMETHEUS_METADATA),
                Arguments.of("without (VictoriaMetrics)", "{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void onlyReferencedMetricsAreAskedAbout(String name, String metadata) {
        MetricCatalog catalog = load(metadata);
        assertThat(catalog.series("noise_metric")).isEmpty();
        assertThat(asked)
                .noneMatch(a -> a.contains("noise_metric"))
                .allMatch(a -> a.startsWith("/api/v1/metadata") || !a.endsWith(" []"));
        // values only of the labels the dashboards match; the others are known by name, any value plausible
        assertThat(catalog.series("temperature_celsius").orElseThrow().family().labels())
                .containsEntry("room", Set.of("lab"))
                .containsEntry("instance", Set.of());
        assertThat(catalog.series("req_duration_seconds_bucket").orElseThrow().labelNames())
                .contains("le", "path", "instance");
    }
}
