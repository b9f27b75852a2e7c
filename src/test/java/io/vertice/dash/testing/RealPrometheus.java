package io.vertice.dash.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.json.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus server (Debian's {@code prometheus} package) started for a test on 127.0.0.1 with a
 * temporary directory and a free port, scraping the targets it is given every second; stopped by PID.
 * <pre>
 * try (RealPrometheus prometheus = RealPrometheus.scraping("127.0.0.1:" + port)) {
 *     JsonNode result = prometheus.awaitResult("maximus_arousal_level", r -> r.size() == 2, Duration.ofSeconds(30));
 * }
 * </pre>
 * When the binary is absent (a user's clone without the package) the test is skipped with the reason; CI has it.
 */
public final class RealPrometheus implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final RealServer server;
    private final String url;

    private RealPrometheus(RealServer server) {
        this.server = server;
        this.url = server.url();
    }

    /** The prometheus binary: {@code $PROMETHEUS_BIN}, {@code /usr/bin/prometheus}, or the test is skipped. */
    public static Path binary() {
        return tool("PROMETHEUS_BIN", "prometheus");
    }

    /** The promtool binary: {@code $PROMTOOL_BIN}, {@code /usr/bin/promtool}, or the test is skipped. */
    public static Path promtool() {
        return tool("PROMTOOL_BIN", "promtool");
    }

    private static Path tool(String env, String name) {
        String override = System.getenv(env);
        Path p = override != null ? Path.of(override) : Path.of("/usr/bin", name);
        Assumptions.assumeTrue(
                Files.isExecutable(p), "skipped: " + p + " is absent (apt-get install prometheus; CI installs it)");
        return p;
    }

    /** A free TCP port on 127.0.0.1 (free when asked; good enough for a test). */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on 127.0.0.1", e);
        }
    }

    /** Starts Prometheus scraping these {@code host:port} targets every second (job {@code maximus-core}); waits until ready. */
    public static RealPrometheus scraping(String... targets) {
        StringBuilder list = new StringBuilder();
        for (String t : targets) {
            list.append(list.length() == 0 ? "" : ", ").append('"').append(t).append('"');
        }
        return start(
                """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: maximus-core
                    static_configs:
                      - targets: [%s]
                """
                        .formatted(list));
    }

    /** Starts Prometheus with this configuration file content; waits until it answers ready. */
    public static RealPrometheus start(String configYaml) {
        return new RealPrometheus(RealServer.start(binary(), "/-/ready", (port, dir) -> {
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, configYaml);
            return List.of(
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port);
        }));
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return url;
    }

    public long pid() {
        return server.pid();
    }

    /** {@code /api/v1/query}: the {@code data.result} array of an instant query. */
    public JsonNode query(String promql) {
        String uri = url + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(uri))
                            .timeout(Duration.ofSeconds(5))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = Json.MAPPER.readTree(r.body());
            if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                throw new AssertionError("query " + promql + " failed: HTTP " + r.statusCode() + " " + r.body());
            }
            return body.path("data").path("result");
        } catch (IOException e) {
            throw new AssertionError("query " + promql + " failed: " + e.getMessage() + "\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Polls the query until its result passes {@code until}; fails with the last result after the timeout. */
    public JsonNode awaitResult(String promql, Predicate<JsonNode> until, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = query(promql);
            if (until.test(last)) {
                return last;
            }
            sleep(500);
        }
        throw new AssertionError(
                "after " + timeout.toSeconds() + " s, " + promql + " still gives " + last + "\n" + logTail());
    }

    /** The last lines Prometheus logged, for failure messages. */
    public String logTail() {
        return server.logTail();
    }

    /** Stops Prometheus by its PID (SIGTERM, then SIGKILL after 10 s) and deletes its directory. */
    @Override
    public void close() {
        server.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
