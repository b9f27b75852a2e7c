package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.RealPrometheus;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Prometheus's own linter on what the simulator serves, and on the scrape config we ship. */
@Timeout(120) // per test: the tests here start servers or processes
class SimulatorPromtoolTest {

    private record Outcome(int exitCode, String output) {}

    private static Outcome promtool(String stdin, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = RealPrometheus.promtool().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Outcome(p.exitValue(), output);
    }

    @Test
    void scrapedExpositionPassesPromtoolCheckMetrics() throws Exception {
        RealPrometheus.promtool();
        try (SimulatorServer server =
                SimulatorServer.start(SimulatorConfig.defaults().withSpeed(100), "127.0.0.1", 0)) {
            Thread.sleep(300); // let some ticks fill the histograms
            Scrape.Response r = Scrape.get(server.metricsUrl(), Scrape.TEXT);
            assertThat(r.body()).contains("maximus_arousal_level");
            Outcome check = promtool(r.body(), "check", "metrics");
            // check metrics prints lint problems (and exits 1) for anything off; silence is a pass.
            assertThat(check.output()).isEmpty();
            assertThat(check.exitCode()).isZero();
        }
    }

    @Test
    void promtoolWouldCatchABadExposition() throws Exception {
        RealPrometheus.promtool();
        Outcome check =
                promtool("# HELP bad_counter oops\n# TYPE bad_counter counter\nbad_counter 1\n", "check", "metrics");
        assertThat(check.exitCode()).isNotZero();
        assertThat(check.output()).contains("bad_counter");
    }

    @Test
    void shippedPrometheusConfigPassesPromtoolCheckConfig() throws Exception {
        RealPrometheus.promtool();
        Path config = SharedDir.projectDir().resolve("monitoring/prometheus/prometheus.yml");
        Outcome check = promtool(null, "check", "config", config.toString());
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
        assertThat(java.nio.file.Files.readString(config)).contains("job_name: maximus-core", "127.0.0.1:9464");
    }
}
