package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertice.dash.testing.RealServer;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Differential test against the real MetricsQL parser: the queries of the VictoriaMetrics dashboards of the
 * development corpus (Grafana variables substituted) and hand-listed MetricsQL expressions, valid and not, are
 * sent to {@code victoria-metrics} 1.79 (installed from Debian) and parsed by dash as {@link Dialect#METRICSQL};
 * the verdicts must agree, except for the named cases below where dash is knowingly more lenient.
 */
@Timeout(300) // starts a server
class MetricsqlDifferentialTest {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Expressions, valid and invalid, covering what MetricsQL adds to PromQL and common mistakes. */
    private static final List<String> HAND_LISTED = List.of(
            "rate(x)",
            "rate(x[5m])",
            "increase(x)",
            "rollup_rate(x[5m])",
            "range_last(x)",
            "label_keep(x, \"job\")",
            "label_set(x, \"a\", \"b\")",
            "topk_max(5, x)",
            "topk_max(5, x) by (job)",
            "sum(x) by (job) limit 10",
            "sum by (job) (x) limit 3",
            "median(x)",
            "quantiles(\"q\", 0.5, 0.9, x)",
            "rate(x[5m]) keep_metric_names",
            "x if y",
            "x ifnot y",
            "x default 0",
            "(x + y) default 1",
            "sum(rate(x[5m])) by (job) / sum(rate(y[5m])) by (job)",
            "max_over_time(rate(x[1m])[5m])",
            "(x + y) offset 1h",
            "running_sum(x)",
            "histogram_quantile(0.9, sum(rate(x_bucket[5m])) by (vmrange))",
            "RATE(x[5m])",
            "Sum(x)",
            "abs(x",
            "sum(x)) by (job)",
            "rate(x[5m]",
            "x +",
            "sum(x) by job",
            "x{job=\"a\"",
            "x{job=~\"(\"}",
            "1 +* 2",
            "sum(x) limit",
            "x if",
            "foo(x,)",
            "label_keep(x, \"job\"",
            "x[5m",
            "{}",
            "x default");

    /**
     * Where dash knowingly differs from VictoriaMetrics 1.79, with the reason: keys are expressions, values why.
     * Empty when dash agrees on everything listed and in the corpus.
     */
    private static final Map<String, String> EXPECTED_TO_DIFFER = Map.of(
            "{}",
            "VictoriaMetrics 1.79 accepts an empty selector (every series); dash keeps Prometheus' rule that a selector"
                    + " needs a non-empty matcher, since a dashboard query over every series is a mistake either way");

    @Test
    void dashAgreesWithVictoriaMetricsOnCorpusAndHandListedExpressions() throws Exception {
        List<String> exprs = new ArrayList<>(HAND_LISTED);
        exprs.addAll(corpusQueries());
        try (RealServer vm = RealServer.start(
                "victoria-metrics",
                "/health",
                (port, dir) -> List.of(
                        "-httpListenAddr=127.0.0.1:" + port,
                        "-storageDataPath=" + dir.resolve("data"),
                        "-loggerLevel=ERROR"))) {
            List<String> disagreements = new ArrayList<>();
            int agreed = 0;
            for (String e : exprs) {
                String vmError = victoriaMetricsError(vm.url(), e);
                String dashError = null;
                try {
                    PromQL.parse(e, Dialect.METRICSQL);
                } catch (PromqlException ex) {
                    dashError = ex.getMessage();
                }
                boolean agree = (vmError == null) == (dashError == null);
                if (agree) {
                    agreed++;
                } else if (!EXPECTED_TO_DIFFER.containsKey(e)) {
                    disagreements.add(e + "\n    victoria-metrics: " + (vmError == null ? "ok" : vmError)
                            + "\n    dash:             " + (dashError == null ? "ok" : dashError));
                }
            }
            System.out.printf("metricsql differential: %d agree / %d total%n", agreed, exprs.size());
            assertThat(disagreements).as("dash and VictoriaMetrics disagree").isEmpty();
            assertThat(exprs.size())
                    .as("the corpus and the hand list give expressions")
                    .isGreaterThan(100);
        }
    }

    /** The error VictoriaMetrics gives for a query (HTTP 422/400 or an error status), or null when it accepts it. */
    private static String victoriaMetricsError(String url, String expr) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        url + "/api/v1/query?time=1700000000&query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"status\":\"success\"")) {
            return null;
        }
        return r.statusCode() + " " + r.body().strip();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\[\\[[^\\]]*]]|\\$\\w+");

    /** Distinct {@code expr} texts of the corpus' VictoriaMetrics dashboards, Grafana variables substituted. */
    private static List<String> corpusQueries() throws IOException {
        Path dir = SharedDir.require("dashboards-corpus/victoriametrics");
        ObjectMapper json = new ObjectMapper();
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                collect(json.readTree(f.toFile()), out);
            }
        }
        return List.copyOf(out);
    }

    private static void collect(JsonNode node, java.util.Set<String> out) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr")
                        && e.getValue().isTextual()
                        && !e.getValue().asText().isBlank()) {
                    out.add(substitute(e.getValue().asText()));
                } else {
                    collect(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, out));
        }
    }

    /**
     * A variable in a range or after offset becomes a duration; as a first argument followed by a comma (the
     * {@code k} of {@code topk($n, ...)}) a number; anywhere else a name that fits a string too.
     */
    static String substitute(String expr) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = expr.substring(0, m.start()).stripTrailing();
            boolean duration = before.endsWith("[") || before.endsWith(":") || before.endsWith("offset");
            boolean number = before.endsWith("(")
                    && expr.substring(m.end()).stripLeading().startsWith(",");
            m.appendReplacement(sb, duration ? "5m" : number ? "5" : "x");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
