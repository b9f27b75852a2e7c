package io.vertice.dash.export;

import io.vertice.dash.json.Json;
import io.vertice.dash.testing.SharedDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExporterTest {

    @TempDir
    Path dir;

    @Test
    void twoRendersAreByteIdentical() {
        List<String> first = Exporter.render().stream().map(RenderedDashboard::text).toList();
        List<String> second = Exporter.render().stream().map(RenderedDashboard::text).toList();
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(text -> assertThat(text).endsWith("}\n").doesNotContain("\t"));
    }

    @Test
    void exportWritesOneFilePerDashboardAndLeavesEqualFilesUntouched() throws Exception {
        Exporter exporter = Exporter.ofOurDashboards();
        List<Exporter.Written> first = exporter.export(dir);
        assertThat(first).extracting(Exporter.Written::action).containsOnly(Exporter.Action.WRITTEN);
        assertThat(first).extracting(w -> w.file().getFileName().toString())
                .containsExactly("arousal-dynamics.json", "consciousness-overview.json", "esgt-deep-dive.json");
        byte[] before = Files.readAllBytes(dir.resolve("esgt-deep-dive.json"));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("esgt-deep-dive.json"), old);

        List<Exporter.Written> second = exporter.export(dir);
        assertThat(second).extracting(Exporter.Written::action).containsOnly(Exporter.Action.UNCHANGED);
        assertThat(Files.getLastModifiedTime(dir.resolve("esgt-deep-dive.json"))).isEqualTo(old);
        assertThat(Files.readAllBytes(dir.resolve("esgt-deep-dive.json"))).isEqualTo(before);
        // reading the file and writing it again gives the same bytes: the format is a fixed point
        assertThat(Json.write(Json.read(dir.resolve("esgt-deep-dive.json"))).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(before);
    }

    @Test
    void checkReportsMissingChangedAndExtraFilesAndWritesNothing() throws Exception {
        Exporter exporter = Exporter.ofOurDashboards();
        assertThat(exporter.check(dir)).extracting(Exporter.Drift::kind)
                .containsExactly(Exporter.DriftKind.MISSING, Exporter.DriftKind.MISSING, Exporter.DriftKind.MISSING);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        exporter.export(dir);
        assertThat(exporter.check(dir)).isEmpty();

        Path changed = dir.resolve("arousal-dynamics.json");
        Files.writeString(changed, Files.readString(changed).replace("Arousal now", "Arousal then"));
        Files.writeString(dir.resolve("hand-made.json"), "{}\n");
        Files.delete(dir.resolve("esgt-deep-dive.json"));
        assertThat(exporter.check(dir)).containsExactly(
                new Exporter.Drift(changed, Exporter.DriftKind.CHANGED),
                new Exporter.Drift(dir.resolve("esgt-deep-dive.json"), Exporter.DriftKind.MISSING),
                new Exporter.Drift(dir.resolve("hand-made.json"), Exporter.DriftKind.EXTRA));
    }

    /** The JSON committed under monitoring/grafana/dashboards is exactly what the code renders. */
    @Test
    void theCommittedDashboardsMatchTheCode() {
        Path committed = SharedDir.projectDir().resolve(Exporter.DEFAULT_DIR);
        assertThat(Exporter.ofOurDashboards().check(committed))
                .as("run './dash export' and commit monitoring/grafana/dashboards")
                .isEmpty();
    }

    /** Grafana provisioning points at the datasource the dashboards select by default. */
    @Test
    void provisionedDatasourceIsTheOneTheDashboardsSelect() throws Exception {
        Path root = SharedDir.projectDir().resolve("monitoring/grafana/provisioning");
        String datasources = Files.readString(root.resolve("datasources/prometheus.yaml"));
        String providers = Files.readString(root.resolve("dashboards/cockpit.yaml"));
        for (RenderedDashboard d : Exporter.render()) {
            String uid = d.json().at("/templating/list/0/current/value").asText();
            assertThat(datasources).contains("uid: " + uid);
            assertThat(d.json().at("/templating/list/0/type").asText()).isEqualTo("datasource");
        }
        assertThat(providers).contains("type: file").contains("path:");
    }
}
