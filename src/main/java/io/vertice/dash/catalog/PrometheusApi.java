package io.vertice.dash.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.DashException;

import io.vertice.dash.http.HttpAnswer;
import okhttp3.HttpUrl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small client of the Prometheus HTTP API ({@code /api/v1/...}) as Prometheus, Thanos, Mimir and
 * VictoriaMetrics serve it, over {@link HttpFetch} (retries; one-sentence failures, exit 3).
 */
public final class PrometheusApi {
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

    public PrometheusApi(String baseUrl) {
        this(baseUrl, line -> { });
    }

    /** @param log one line per request and retry (for --verbose) */
    public PrometheusApi(String baseUrl, Consumer<String> log) {
        this(baseUrl, HttpFetch.DEFAULT_TIMEOUT, log);
    }

    /**
     * @param timeout how long to wait for (each part of) an answer
     * @param log     one line per request and retry (for --verbose)
     */
    public PrometheusApi(String baseUrl, Duration timeout, Consumer<String> log) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw DashException.input("No Prometheus URL given; pass --prometheus URL or set PROMETHEUS_URL.");
        }
        this.base = HttpFetch.checkedUrl(baseUrl, "Prometheus");
        this.fetch = new HttpFetch(timeout, log);
    }

    public String baseUrl() {
        return base;
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
        get("/api/v1/label/" + URLEncoder.encode(label, StandardCharsets.UTF_8) + "/values", params).forEach(v -> out.add(v.asText()));
        return out;
    }

    /** {@code /api/v1/metadata}: metric name to its metadata entries ({@code type}, {@code help}, {@code unit}). */
    public JsonNode metadata() {
        return get("/api/v1/metadata", Map.of());
    }

    /** {@code /api/v1/series}: the label sets of every series matching any selector. */
    public List<Map<String, String>> series(List<String> match, String start) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("match[]", match);
        if (start != null) {
            params.put("start", List.of(start));
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode s : get("/api/v1/series", params)) {
            Map<String, String> labels = new LinkedHashMap<>();
            s.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    /** {@code /api/v1/query} at the server's now: the {@code data} object ({@code resultType}, {@code result}). */
    public JsonNode query(String promql) {
        return get("/api/v1/query", Map.of("query", List.of(promql)));
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
        String what = "GET " + path;
        HttpUrl.Builder url = HttpUrl.get(base + path).newBuilder();
        params.forEach((k, values) -> values.forEach(v -> url.addQueryParameter(k, v)));
        HttpAnswer answer = fetch.get(url.build(), "application/json", "Prometheus at " + base, what,
                "check --prometheus or PROMETHEUS_URL and that the server is up.");
        JsonNode body = answer.json();
        int code = answer.code();
        if (body == null || !body.isObject() || !body.has("status")) {
            throw DashException.remote("The server at " + base + " does not look like a Prometheus API: " + what
                    + " answered HTTP " + code + " without Prometheus JSON; pass the API root, e.g. http://host:9090.");
        }
        if (code >= 500) {
            throw DashException.remote("Prometheus at " + base + " failed " + what + " with HTTP " + code + answer.afterAttempts()
                    + ": " + body.path("error").asText("no error message") + ".");
        }
        if (!"success".equals(body.path("status").asText())) {
            String error = body.path("error").asText("no error message");
            if (code == 400 || code == 422) {
                throw new ApiError(body.path("errorType").asText(""), error);
            }
            throw DashException.remote("Prometheus at " + base + " refused " + what + " with HTTP " + code + ": " + error + ".");
        }
        return body.path("data");
    }
}
