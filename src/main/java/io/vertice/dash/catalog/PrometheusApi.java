package io.vertice.dash.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.DashException;
import io.vertice.dash.http.HttpAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * A small client of the Prometheus HTTP API ({@code /api/v1/...}) as Prometheus, Thanos, Mimir and
 * VictoriaMetrics serve it, over {@link HttpFetch} (retries; one-sentence failures, exit 3).
 */
public final class PrometheusApi implements AutoCloseable {
    private final Connection connection;
    private final String base;
    private final HttpFetch fetch;

    /** An API answer with {@code "status": "error"} for a request the server understood (e.g. bad PromQL). */
    public static final class ApiError extends RuntimeException {
        private final String errorType;

        ApiError(String errorType, String message) {
            super(message);
            this.errorType = errorType;
        }

        public String errorType() {
            return errorType;
        }
    }

    /** The server refused the credentials (401) or access (403): every later request would fail the same way. */
    public static final class Refused extends DashException {
        Refused(String message) {
            super(io.vertice.dash.ExitCodes.REMOTE, message);
        }
    }

    /** No answer within the read timeout: for one query, a finding; for the catalogue, a failure. */
    public static final class TimedOut extends DashException {
        TimedOut(String message, Throwable cause) {
            super(io.vertice.dash.ExitCodes.REMOTE, message, cause);
        }
    }

    public PrometheusApi(String baseUrl) {
        this(baseUrl, line -> {});
    }

    /** @param log one line per request and retry (for --verbose) */
    public PrometheusApi(String baseUrl, Consumer<String> log) {
        this(connection(baseUrl), log);
    }

    /** @param log one line per request and retry (for --verbose) */
    public PrometheusApi(Connection connection, Consumer<String> log) {
        this.connection = connection;
        this.base = connection.describe();
        this.fetch = new HttpFetch(connection, log);
    }

    /** A connection without credentials but the URL's; one sentence when there is no URL. */
    private static Connection connection(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw DashException.input("No Prometheus URL given; pass --prometheus URL or set PROMETHEUS_URL.");
        }
        return Connection.to(baseUrl, "Prometheus");
    }

    /** The server, never with credentials. */
    public String baseUrl() {
        return base;
    }

    public Connection connection() {
        return connection;
    }

    /** The same server with another read timeout (the per-query timeout of --live). */
    public PrometheusApi withTimeout(Duration timeout, Consumer<String> log) {
        return new PrometheusApi(connection.withTimeout(timeout), log);
    }

    @Override
    public void close() {
        fetch.close();
    }

    /** {@code /api/v1/labels}: the label names of series matching any selector within [start, now]. */
    public List<String> labelNames(List<String> match, String start) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("match[]", match);
        if (start != null) {
            params.put("start", List.of(start));
        }
        List<String> out = new ArrayList<>();
        post("/api/v1/labels", params).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** {@code /api/v1/label/<name>/values}, optionally limited to series matching {@code match}. */
    public List<String> labelValues(String label, String start, List<String> match) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (start != null) {
            params.put("start", List.of(start));
        }
        if (match != null && !match.isEmpty()) {
            params.put("match[]", match);
        }
        List<String> out = new ArrayList<>();
        get("/api/v1/label/" + URLEncoder.encode(label, StandardCharsets.UTF_8) + "/values", params)
                .forEach(v -> out.add(v.asText()));
        return out;
    }

    /** {@code /api/v1/metadata}: metric name to its metadata entries ({@code type}, {@code help}, {@code unit}). */
    public JsonNode metadata() {
        return get("/api/v1/metadata", Map.of());
    }

    /** {@code /api/v1/metadata?metric=NAME}: the metadata of one metric (empty when the server has none). */
    public JsonNode metadata(String metric) {
        return get("/api/v1/metadata", Map.of("metric", List.of(metric)));
    }

    /** {@code /api/v1/series}: the label sets of every series matching any selector. */
    public List<Map<String, String>> series(List<String> match, String start) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("match[]", match);
        if (start != null) {
            params.put("start", List.of(start));
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode s : post("/api/v1/series", params)) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** {@code /api/v1/query} at the server's now: the {@code data} object ({@code resultType}, {@code result}). */
    public JsonNode query(String promql) {
        return post("/api/v1/query", Map.of("query", List.of(promql)));
    }

    /** {@code /api/v1/status/config}: the loaded configuration as YAML text. */
    public String config() {
        return get("/api/v1/status/config", Map.of()).path("yaml").asText("");
    }

    /**
     * GETs an API path and returns its {@code data}. Answers with {@code "status": "error"} and a 4xx code
     * throw {@link ApiError}; transport failures, 5xx and non-API answers throw {@code DashException.remote}.
     */
    public JsonNode get(String path, Map<String, List<String>> params) {
        HttpUrl.Builder url = HttpUrl.get(base + path).newBuilder();
        params.forEach((k, values) -> values.forEach(v -> url.addQueryParameter(k, v)));
        return data(
                "GET " + path,
                fetch.get(url.build(), "application/json", "Prometheus at " + base, "GET " + path, ADVICE));
    }

    /**
     * POSTs form parameters to an API path that takes them (series, labels, query: every Prometheus-compatible
     * server does), so long selectors never meet a URL length limit; returns its {@code data} as {@link #get} does.
     */
    public JsonNode post(String path, Map<String, List<String>> params) {
        return data(
                "POST " + path,
                fetch.post(
                        HttpUrl.get(base + path),
                        params,
                        "application/json",
                        "Prometheus at " + base,
                        "POST " + path,
                        ADVICE));
    }

    private static final String ADVICE = "check --prometheus or PROMETHEUS_URL and that the server is up.";

    /** ": <the server's words>" on one line, at most 200 characters; empty when it said nothing. */
    private static String excerpt(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return t.isEmpty() ? "" : ": " + (t.length() > 200 ? t.substring(0, 200) + "..." : t);
    }

    private JsonNode data(String what, HttpAnswer answer) {
        JsonNode body = answer.json();
        int code = answer.code();
        if (code == 401 || code == 403) {
            throw new Refused(
                    "Prometheus at " + base + " " + (code == 401 ? "refused the credentials" : "denied access")
                            + " on " + what + " (HTTP " + code
                            + excerpt(
                                    body == null
                                            ? answer.body()
                                            : body.path("error").asText(answer.reason())) + "); "
                            + "check PROMETHEUS_TOKEN, PROMETHEUS_USER/PROMETHEUS_PASSWORD or the URL's credentials, and --tenant.");
        }
        if (body == null || !body.isObject() || !body.has("status")) {
            throw DashException.remote("The server at " + base + " does not look like a Prometheus API: " + what
                    + " answered HTTP " + code + " without Prometheus JSON; pass the API root, e.g. http://host:9090.");
        }
        if (code >= 500) {
            throw DashException.remote("Prometheus at " + base + " failed " + what + " with HTTP " + code
                    + answer.afterAttempts() + ": " + body.path("error").asText("no error message") + ".");
        }
        if (!"success".equals(body.path("status").asText())) {
            String error = body.path("error").asText("no error message");
            if (code == 400 || code == 422) {
                throw new ApiError(body.path("errorType").asText(""), error);
            }
            throw DashException.remote(
                    "Prometheus at " + base + " refused " + what + " with HTTP " + code + ": " + error + ".");
        }
        return body.path("data");
    }
}
