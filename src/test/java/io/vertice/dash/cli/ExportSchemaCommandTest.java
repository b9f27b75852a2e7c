package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dash export --schema classic|v2}: writing, unchanged files and the drift check in v2 mode. */
class ExportSchemaCommandTest {

    @TempDir
    Path dir;

    @Test
    void v2WritesOneResourcePerDashboardNamedByUidThenReportsUnchanged() throws Exception {
        Cli.Result first = Cli.run("export", "--schema", "v2", "--no-validate", "--out", dir.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out().lines()).hasSize(3).allMatch(l -> l.endsWith("written"));
        var esgt = Json.read(dir.resolve("esgt-deep-dive.json"));
        assertThat(esgt.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2");
        assertThat(esgt.path("metadata").path("name").asText()).isEqualTo("esgt-deep-dive");
        assertThat(Files.readString(dir.resolve("esgt-deep-dive.json")))
                .isEqualTo(ExportSchema.V2.text(Exporter.render().stream()
                        .filter(d -> d.uid().equals("esgt-deep-dive"))
                        .findFirst()
                        .orElseThrow()));
        Cli.Result second = Cli.run("export", "--schema", "v2", "--no-validate", "--out", dir.toString());
        assertThat(second.out().lines()).hasSize(3).allMatch(l -> l.endsWith("unchanged"));
    }

    @Test
    void checkInV2ModeComparesWithTheV2Files() throws Exception {
        Cli.run("export", "--schema", "v2", "--no-validate", "--out", dir.toString());
        Cli.Result clean = Cli.run("export", "--schema", "v2", "--check", "--out", dir.toString());
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("3 dashboards match");

        Cli.Result classicCheck = Cli.run("export", "--check", "--out", dir.toString());
        assertThat(classicCheck.exit())
                .as("v2 files are not what classic export writes")
                .isEqualTo(1);
        assertThat(classicCheck.out()).contains("changed  " + dir.resolve("arousal-dynamics.json"));

        Path file = dir.resolve("arousal-dynamics.json");
        Files.writeString(file, Files.readString(file).replace("\"Arousal Dynamics\"", "\"Arousal\""));
        Cli.Result changed = Cli.run("export", "--schema", "v2", "--check", "--out", dir.toString());
        assertThat(changed.exit()).isEqualTo(1);
        assertThat(changed.out()).contains("changed  " + file).contains("run 'dash export'");
    }

    @Test
    void classicStaysTheDefault() throws Exception {
        assertThat(ExportSchema.configuredDefault()).isEqualTo(ExportSchema.CLASSIC);
        assertThat(Cli.run("export", "--no-validate", "--out", dir.toString()).exit())
                .isZero();
        var esgt = Json.read(dir.resolve("esgt-deep-dive.json"));
        assertThat(esgt.has("apiVersion")).isFalse();
        assertThat(esgt.path("schemaVersion").asInt()).isEqualTo(39);
        assertThat(Cli.run("export", "--schema", "classic", "--check", "--out", dir.toString())
                        .exit())
                .isZero();
    }

    @Test
    void anUnknownSchemaIsAUsageErrorNamingTheChoices() {
        Cli.Result r = Cli.run("export", "--schema", "v3", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'v3' is not a schema; use classic or v2");
    }

    @Test
    void aDashboardWithNoV2FormWritesNoFileAtAll() throws Exception {
        List<RenderedDashboard> dashboards = new ArrayList<>(Exporter.render());
        RenderedDashboard last = dashboards.remove(dashboards.size() - 1);
        var json = last.json();
        json.withObjectProperty("templating")
                .withArray("list")
                .addObject()
                .put("name", "legacy")
                .put("type", "const");
        dashboards.add(new RenderedDashboard(last.uid(), last.title(), last.panelCount(), json));
        Exporter exporter = new Exporter(dashboards, ExportSchema.V2, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> exporter.export(dir, false))
                .isInstanceOf(io.vertice.dash.DashException.class)
                .hasMessageContaining("variable 'legacy' of type 'const' has no v2 form");
        try (var files = Files.list(dir)) {
            assertThat(files)
                    .as("the dashboards before it are not written either")
                    .isEmpty();
        }
    }

    @Test
    void helpShowsTheSchemaOptionAndAnExample() {
        Cli.Result r = Cli.run("export", "--help");
        assertThat(r.out()).contains("--schema=classic|v2", "dash export --schema v2");
    }
}
