package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A query the server does not answer within --query-timeout is a finding for that query, not a failed run. */
class LiveQueryTimeoutTest {

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aSlowQueryIsALiveQueryErrorAndTheOthersStillRun() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String answer =
                    "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":[1,\"1\"]}]}}";
            if (ex.getRequestURI().getPath().equals("/api/v1/query") && body.contains("maximus_arousal_level")) {
                try {
                    Thread.sleep(3000); // longer than --query-timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (!ex.getRequestURI().getPath().equals("/api/v1/query")) {
                answer = "{\"status\":\"success\",\"data\":[]}";
            }
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            try {
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, out.length);
                ex.getResponseBody().write(out);
            } catch (java.io.IOException e) {
                // dash gave up waiting: that is the point
            }
            ex.close();
        });
        server.start();
        try {
            Cli.Result r = Cli.run(
                    Map.of(
                            "PROMETHEUS_URL",
                            "http://127.0.0.1:" + server.getAddress().getPort()),
                    "validate",
                    fixture(),
                    "--live",
                    "--query-timeout",
                    "500ms");
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            assertThat(r.out())
                    .contains("live-query-error: no answer within 500ms (--query-timeout)")
                    .contains("(--query-timeout)")
                    .contains("maximus_arousal_level");
            assertThat(r.out())
                    .as("the other queries answered in time and have data")
                    .doesNotContain("live-no-data");
        } finally {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
    }

    private static String fixture() throws URISyntaxException {
        return Path.of(Objects.requireNonNull(LiveQueryTimeoutTest.class.getResource("/validate/wrong-labels.json"))
                        .toURI())
                .toString();
    }
}
