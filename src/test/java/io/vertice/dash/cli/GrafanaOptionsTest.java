package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertice.dash.DashException;
import io.vertice.dash.grafana.GrafanaSettings;
import io.vertice.dash.testing.RealPrometheus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GrafanaOptionsTest {

    private static GrafanaSettings settings(Map<String, String> env, String... args) {
        GrafanaOptions o = new GrafanaOptions();
        CommandLine cl = new CommandLine(o);
        cl.setDefaultValueProvider(
                CommandFactory.standard().withEnvironment(env).defaults());
        cl.parseArgs(args);
        return o.settings();
    }

    @Test
    void settingsComeFromTheEnvironment() {
        GrafanaSettings s = settings(Map.of(
                "GRAFANA_URL", "https://grafana.example.com/sub/", "GRAFANA_TOKEN", "tok", "GRAFANA_ORG_ID", "3"));
        assertThat(s.url().toString()).isEqualTo("https://grafana.example.com/sub/");
        assertThat(s.token()).isEqualTo("tok");
        assertThat(s.orgId()).isEqualTo(3L);
        assertThat(s.parallel()).isEqualTo(4);
        assertThat(s.retry().readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.retry().maxAttempts()).isEqualTo(4);
    }

    @Test
    void flagsWinOverTheEnvironment() {
        GrafanaSettings s = settings(
                Map.of(
                        "GRAFANA_URL",
                        "https://env.example",
                        "GRAFANA_USER",
                        "envuser",
                        "GRAFANA_PASSWORD",
                        "envpw",
                        "GRAFANA_ORG_ID",
                        "3"),
                "--url",
                "https://flag.example",
                "--user",
                "flaguser",
                "--org-id",
                "9",
                "--timeout",
                "750ms",
                "--retries",
                "0",
                "--parallel",
                "8");
        assertThat(s.url().host()).isEqualTo("flag.example");
        assertThat(s.user()).isEqualTo("flaguser");
        assertThat(s.password()).isEqualTo("envpw");
        assertThat(s.orgId()).isEqualTo(9L);
        assertThat(s.retry().readTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(s.retry().maxAttempts()).isEqualTo(1);
        assertThat(s.parallel()).isEqualTo(8);
    }

    @Test
    void missingOrBadSettingsAreOneSentence() {
        assertThatThrownBy(() -> settings(Map.of()))
                .isInstanceOf(DashException.class)
                .hasMessageContaining("GRAFANA_URL");
        assertThatThrownBy(() -> settings(Map.of("GRAFANA_URL", "ftp://x")))
                .hasMessageContaining("is not an http:// or https:// URL");
        assertThatThrownBy(() -> settings(Map.of("GRAFANA_URL", "https://x", "GRAFANA_ORG_ID", "main")))
                .hasMessageContaining("--org-id (or GRAFANA_ORG_ID) must be a number");
        assertThatThrownBy(() -> settings(Map.of("GRAFANA_URL", "https://x", "GRAFANA_PASSWORD", "pw")))
                .hasMessageContaining("without a user")
                .hasMessageNotContaining("pw\"");
        assertThatThrownBy(() -> settings(Map.of("GRAFANA_URL", "https://x"), "--parallel", "0"))
                .hasMessageContaining("--parallel must be at least 1");
        assertThatThrownBy(() -> settings(Map.of("GRAFANA_URL", "https://x"), "--ca-cert", "/nonexistent/ca.pem"))
                .hasMessageContaining("--ca-cert /nonexistent/ca.pem does not exist");
    }

    @Test
    void verboseDescribesTheConnectionInWordsNotAsAJavaRecord(@TempDir Path dir) {
        int port = RealPrometheus.freePort();
        Cli.Result r = Cli.run(
                Map.of(
                        "GRAFANA_URL",
                        "http://127.0.0.1:" + port,
                        "GRAFANA_TOKEN",
                        "glsa_secret_value",
                        "GRAFANA_ORG_ID",
                        "3"),
                "pull",
                "--all",
                "--verbose",
                "--retries",
                "0",
                "--out",
                dir.toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("dash: using Grafana at http://127.0.0.1:" + port
                        + "/ with a token, org 3, read timeout 30s, " + "up to 1 attempts, 4 in parallel")
                .doesNotContain("GrafanaSettings[", "RetryPolicy[", "PT30S", "PT10S", "glsa_secret_value");
    }

    @Test
    void helpNamesTheEnvironmentVariablesAndShowsOnlyValuesThatAreNotSecret() {
        Cli.Result r = Cli.run(
                Map.of(
                        "GRAFANA_URL",
                        "https://grafana.example.org",
                        "GRAFANA_TOKEN",
                        "glsa_secret_value",
                        "GRAFANA_USER",
                        "sre",
                        "GRAFANA_PASSWORD",
                        "hunter2"),
                "import",
                "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("$GRAFANA_URL", "$GRAFANA_TOKEN", "$GRAFANA_USER", "$GRAFANA_PASSWORD", "$GRAFANA_ORG_ID")
                .doesNotContain("glsa_secret_value", "hunter2");
    }
}
