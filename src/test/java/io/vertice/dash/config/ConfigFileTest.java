package io.vertice.dash.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertice.dash.DashException;
import io.vertice.dash.cli.Cli;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.json.Json;
import io.vertice.dash.promql.Dialect;
import io.vertice.dash.validate.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** .dash.yaml: what it reads, and one sentence with file, line and what to write for every mistake. */
class ConfigFileTest {
    private static final String FULL =
            """
            # our decisions
            rules:
              fixed-rate-window: info
              panel-description: warning
            exclude:
              - dashboard: node-exporter-full
                panel: CPU Busy
                rule: unknown-metric
                reason: the node exporter's metrics are not in our catalogue
              - panel: 7
                reason: a panel we keep for history
            datasources:
              victoria: metricsql
              P4169E866C3094E38: promql
            export:
              schema: v2
            """;

    @Test
    void readsSeveritiesExclusionsDialectsAndTheExportSchema() {
        DashConfig c = ConfigFile.parse(FULL, ".dash.yaml");
        assertThat(c.validation().severities())
                .containsEntry("fixed-rate-window", Severity.INFO)
                .containsEntry("panel-description", Severity.WARNING)
                .hasSize(2);
        assertThat(c.validation().exclusions()).hasSize(2).first().satisfies(e -> {
            assertThat(e.dashboardUid()).isEqualTo("node-exporter-full");
            assertThat(e.panel()).isEqualTo("CPU Busy");
            assertThat(e.rule()).isEqualTo("unknown-metric");
            assertThat(e.where()).isEqualTo(".dash.yaml, line 6");
        });
        assertThat(c.validation().exclusions().get(1).panel()).isEqualTo("7");
        assertThat(c.validation().dialects())
                .containsEntry("victoria", Dialect.METRICSQL)
                .containsEntry("P4169E866C3094E38", Dialect.PROMQL);
        assertThat(c.exportSchema()).isEqualTo(ExportSchema.V2);
        assertThat(ConfigFile.parse("", "empty.yaml").validation().exclusions()).isEmpty();
    }

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of(
                        "unknown section",
                        "rule:\n  fixed-rate-window: info\n",
                        ".dash.yaml, line 1: unknown section \"rule\"; write one of datasources:, exclude:, export:, rules:."),
                Arguments.of(
                        "unknown rule id",
                        "rules:\n  fixed-window: info\n",
                        ".dash.yaml, line 2: unknown rule \"fixed-window\"; write one of "),
                Arguments.of(
                        "unknown severity",
                        "rules:\n  fixed-rate-window: low\n",
                        ".dash.yaml, line 2: unknown severity \"low\"; write error, warning or info."),
                Arguments.of(
                        "exclusion without reason",
                        "exclude:\n  - rule: unknown-metric\n    panel: CPU\n",
                        ".dash.yaml, line 2: this exclusion has no reason; add a line \"reason: <why this finding is accepted>\"."),
                Arguments.of(
                        "exclusion matching everything",
                        "exclude:\n  - reason: too noisy\n",
                        ".dash.yaml, line 2: this exclusion matches every finding; say which with dashboard: (uid)"),
                Arguments.of(
                        "unknown key in an exclusion",
                        "exclude:\n  - rule: unknown-metric\n    why: old\n",
                        ".dash.yaml, line 3: unknown key \"why\" in an exclusion; write dashboard: (uid), panel: (title or id), rule: (id) and reason:."),
                Arguments.of(
                        "exclude is not a list",
                        "exclude:\n  rule: unknown-metric\n",
                        ".dash.yaml, line 1: exclude: must be a list; write each exclusion as \"- rule: ID\" with a reason: line."),
                Arguments.of(
                        "unknown dialect",
                        "datasources:\n  victoria: victoriaql\n",
                        ".dash.yaml, line 2: unknown query dialect \"victoriaql\" for datasource \"victoria\"; write promql or metricsql."),
                Arguments.of(
                        "unknown export schema",
                        "export:\n  schema: v3\n",
                        ".dash.yaml, line 2: unknown export schema \"v3\"; write classic or v2."),
                Arguments.of(
                        "a key written twice",
                        "rules:\n  fixed-rate-window: info\n  fixed-rate-window: error\n",
                        ".dash.yaml, line 3: \"fixed-rate-window\" is written twice in the same mapping; keep one."),
                Arguments.of("broken YAML", "rules:\n  fixed-rate-window: [info\n", ".dash.yaml, line "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void everyMistakeNamesFileLineAndWhatToWrite(String name, String yaml, String expected) {
        assertThatThrownBy(() -> ConfigFile.parse(yaml, ".dash.yaml"))
                .isInstanceOf(DashException.class)
                .hasMessageStartingWith(expected);
    }

    /** One error (undefined variable) in a panel "Old" with id 7, one warning (fixed window) in panel "New". */
    private static final String DASHBOARD =
            """
            {"title": "Small", "uid": "small",
             "panels": [
               {"id": 7, "type": "timeseries", "title": "Old", "description": "d", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
                "targets": [{"refId": "A", "expr": "up{job=\\"$job\\"}"}]},
               {"id": 8, "type": "timeseries", "title": "New", "description": "d", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
                "targets": [{"refId": "A", "expr": "rate(process_cpu_seconds_total[5m])"}]}
             ]}
            """;

    @Test
    void validateAppliesSeveritiesAndCountsAndListsExclusions(@TempDir Path dir) throws IOException {
        Path dashboard = Files.writeString(dir.resolve("small.json"), DASHBOARD);
        Path config = Files.writeString(
                dir.resolve("dash.yaml"),
                """
                rules:
                  fixed-rate-window: error
                exclude:
                  - dashboard: small
                    panel: 7
                    rule: undefined-variable
                    reason: job comes from the provisioning
                """);
        Cli.Result plain = Cli.run("validate", dashboard.toString());
        assertThat(plain.exit()).isEqualTo(1);
        assertThat(plain.out()).contains("1 error, 1 warning, 0 infos");

        Cli.Result configured = Cli.run("validate", dashboard.toString(), "--config", config.toString());
        assertThat(configured.exit()).isEqualTo(1);
        assertThat(configured.out())
                .contains("Small › New (id 8) › A: error fixed-rate-window")
                .doesNotContain("undefined-variable")
                .contains("1 error, 0 warnings, 0 infos, 1 excluded by configuration");
        Cli.Result verbose = Cli.run("validate", dashboard.toString(), "--config", config.toString(), "--verbose");
        assertThat(verbose.out())
                .contains("excluded (" + config + ", line 4: job comes from the provisioning): " + dashboard
                        + ": Small › Old (id 7) › A: error undefined-variable");
        String json = Cli.run("validate", dashboard.toString(), "--config", config.toString(), "--format", "json")
                .out();
        assertThat(Json.parse(json, "stdout").path("summary").path("excluded").asInt())
                .isEqualTo(1);
    }

    @Test
    void aMalformedConfigurationIsExitTwoWithFileAndLine(@TempDir Path dir) throws IOException {
        Path dashboard = Files.writeString(dir.resolve("small.json"), DASHBOARD);
        Path config = Files.writeString(dir.resolve("dash.yaml"), "exclude:\n  - rule: unknown-metric\n");
        Cli.Result r = Cli.run("validate", dashboard.toString(), "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(config + ", line 2: this exclusion has no reason")
                .doesNotContain("Exception");
        Cli.Result missing = Cli.run(
                "validate",
                dashboard.toString(),
                "--config",
                dir.resolve("nope.yaml").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml does not exist");
    }

    @Test
    void aDatasourceConfiguredAsMetricsqlIsParsedAsMetricsql(@TempDir Path dir) throws IOException {
        Path dashboard = Files.writeString(
                dir.resolve("vm.json"),
                """
                {"title": "VM", "uid": "vm",
                 "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus",
                                          "current": {"text": "victoria", "value": "P1"}}]},
                 "panels": [{"id": 1, "type": "timeseries", "title": "Top", "description": "d", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 8},
                             "datasource": {"type": "prometheus", "uid": "$ds"},
                             "targets": [{"refId": "A", "expr": "topk_max(5, process_open_fds)"}]}]}
                """);
        assertThat(Cli.run("validate", dashboard.toString()).out()).contains("error promql-syntax");
        Path config = Files.writeString(dir.resolve("dash.yaml"), "datasources:\n  victoria: metricsql\n");
        Cli.Result r = Cli.run("validate", dashboard.toString(), "--config", config.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("promql-syntax");
    }
}
