package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.testing.RealPrometheus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A real Prometheus scraping the simulator every second answers with one series per environment. */
@Timeout(300) // per test: the tests here start servers or processes
class SimulatorPrometheusTest {

    @Test
    void realPrometheusScrapesOneArousalSeriesPerEnvironment() {
        RealPrometheus.binary();
        try (SimulatorServer server =
                        SimulatorServer.start(SimulatorConfig.defaults().withSpeed(10), "127.0.0.1", 0);
                RealPrometheus prometheus = RealPrometheus.scraping("127.0.0.1:" + server.port())) {
            JsonNode result =
                    prometheus.awaitResult("maximus_arousal_level", r -> r.size() >= 2, Duration.ofSeconds(30));

            List<String> environments = new ArrayList<>();
            for (JsonNode series : result) {
                environments.add(series.path("metric").path("environment").asText());
                assertThat(series.path("metric").path("service_name").asText()).isEqualTo("maximus-core");
                assertThat(series.path("metric").path("job").asText()).isEqualTo("maximus-core");
                assertThat(series.path("value").get(1).asDouble()).isBetween(0.1, 0.95);
            }
            assertThat(environments).containsExactlyInAnyOrder("prod", "staging");

            // Prometheus reads the counters, histograms and the state gauge as the dashboards will.
            assertThat(prometheus
                            .query("up{job=\"maximus-core\"}")
                            .get(0)
                            .path("value")
                            .get(1)
                            .asText())
                    .isEqualTo("1");
            assertThat(prometheus.query("sum by (environment) (maximus_arousal_state)"))
                    .hasSize(2)
                    .allSatisfy(s -> assertThat(s.path("value").get(1).asText()).isEqualTo("1"));
            assertThat(prometheus.query("maximus_esgt_ignition_coherence_bucket{le=\"+Inf\"}"))
                    .hasSize(2);
            assertThat(prometheus.query("process_resident_memory_bytes")).hasSize(2);
        }
    }
}
