package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.grafana.FakeGrafana;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code dash import --validate} with the real validator. */
@Timeout(60) // per test: the tests here start servers or processes
class ImportValidateTest {

    @Test
    void ourDashboardsPassAndAreImported() {
        try (FakeGrafana grafana = new FakeGrafana()) {
            Cli.Result r = Cli.run(
                    Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN),
                    "import",
                    "--validate",
                    "--retry-backoff",
                    "1ms");
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(grafana.dashboardCount()).isEqualTo(3);
        }
    }

    @Test
    void aDashboardWithAnUnknownMetricStopsEverything(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(
                bad,
                """
                {"uid": "bad", "title": "Bad", "panels": [{"id": 1, "type": "timeseries", "title": "Nope",
                  "targets": [{"refId": "A", "expr": "rate(maximus_no_such_metric_total[5m])"}]}]}
                """);
        try (FakeGrafana grafana = new FakeGrafana()) {
            Cli.Result r = Cli.run(
                    Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN),
                    "import",
                    "--validate",
                    "--from",
                    bad.toString());
            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            assertThat(r.out()).contains("maximus_no_such_metric_total");
            assertThat(r.err()).contains("nothing was pushed");
            assertThat(grafana.requests()).isEmpty();
        }
    }
}
