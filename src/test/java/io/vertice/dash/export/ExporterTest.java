package io.vertice.dash.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.json.Json;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardDefinition;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.model.Panels;
import io.vertice.dash.model.Units;
import io.vertice.dash.simulator.SimulatorCatalog;
import io.vertice.dash.testing.SharedDir;
import io.vertice.dash.validate.Finding;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExporterTest {

    @TempDir
    Path dir;

    @Test
    void twoRendersAreByteIdentical() {
        List<String> first =
                Exporter.render().stream().map(RenderedDashboard::text).toList();
        List<String> second =
                Exporter.render().stream().map(RenderedDashboard::text).toList();
        assertThat(second).isEqualTo(first);
        assertThat(first).allSatisfy(text -> assertThat(text).endsWith("}\n").doesNotContain("\t"));
    }

    @Test
    void exportWritesOneFilePerDashboardAndLeavesEqualFilesUntouched() throws Exception {
        Exporter exporter = Exporter.ofOurDashboards();
        List<Exporter.Written> first = exporter.export(dir, false).written();
        assertThat(first).extracting(Exporter.Written::action).containsOnly(Exporter.Action.WRITTEN);
        assertThat(first)
                .extracting(w -> w.file().getFileName().toString())
                .containsExactly("arousal-dynamics.json", "consciousness-overview.json", "esgt-deep-dive.json");
        byte[] before = Files.readAllBytes(dir.resolve("esgt-deep-dive.json"));
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(dir.resolve("esgt-deep-dive.json"), old);

        List<Exporter.Written> second = exporter.export(dir, false).written();
        assertThat(second).extracting(Exporter.Written::action).containsOnly(Exporter.Action.UNCHANGED);
        assertThat(Files.getLastModifiedTime(dir.resolve("esgt-deep-dive.json")))
                .isEqualTo(old);
        assertThat(Files.readAllBytes(dir.resolve("esgt-deep-dive.json"))).isEqualTo(before);
        // reading the file and writing it again gives the same bytes: the format is a fixed point
        assertThat(Json.write(Json.read(dir.resolve("esgt-deep-dive.json"))).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(before);
    }

    @Test
    void checkReportsMissingChangedAndExtraFilesAndWritesNothing() throws Exception {
        Exporter exporter = Exporter.ofOurDashboards();
        assertThat(exporter.check(dir))
                .extracting(Exporter.Drift::kind)
                .containsExactly(Exporter.DriftKind.MISSING, Exporter.DriftKind.MISSING, Exporter.DriftKind.MISSING);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        exporter.export(dir, false);
        assertThat(exporter.check(dir)).isEmpty();

        Path changed = dir.resolve("arousal-dynamics.json");
        Files.writeString(changed, Files.readString(changed).replace("Arousal now", "Arousal then"));
        Files.writeString(
                dir.resolve("renamed-uid.json"), "{\"uid\": \"renamed-uid\", \"title\": \"Old\", \"panels\": []}\n");
        Files.writeString(dir.resolve("hand-made.json"), "{}\n");
        Files.writeString(dir.resolve(".esgt-deep-dive.json.6216549741985.tmp"), "{\"uid\": \"esgt-dee");
        Files.delete(dir.resolve("esgt-deep-dive.json"));
        assertThat(exporter.check(dir))
                .containsExactly(
                        new Exporter.Drift(changed, Exporter.DriftKind.CHANGED),
                        new Exporter.Drift(dir.resolve("esgt-deep-dive.json"), Exporter.DriftKind.MISSING),
                        new Exporter.Drift(dir.resolve("renamed-uid.json"), Exporter.DriftKind.EXTRA),
                        new Exporter.Drift(
                                dir.resolve(".esgt-deep-dive.json.6216549741985.tmp"), Exporter.DriftKind.LEFTOVER));
    }

    /** What may sit next to the exported dashboards, and whether --prune removes it. */
    static Stream<Arguments> neighbours() {
        return Stream.of(
                arguments(
                        "a dashboard the code no longer produces",
                        "old-uid.json",
                        "{\"uid\": \"old-uid\", \"title\": \"Old\", \"panels\": []}",
                        true),
                arguments(
                        "our dashboard under another file name",
                        "copy.json",
                        "{\"uid\": \"esgt-deep-dive\", \"title\": \"ESGT Deep Dive\"}",
                        true),
                arguments("JSON without a uid", "settings.json", "{\"title\": \"not a dashboard\"}", false),
                arguments("a dashboard with an empty uid", "blank.json", "{\"uid\": \" \", \"title\": \"T\"}", false),
                arguments("a uid that is not a string", "number.json", "{\"uid\": 7, \"title\": \"T\"}", false),
                arguments(
                        "an API response, which dash never writes",
                        "wrapped.json",
                        "{\"dashboard\": {\"uid\": \"w\", \"title\": \"W\"}, \"meta\": {}}",
                        false),
                arguments("a JSON array", "list.json", "[{\"uid\": \"a\", \"title\": \"A\"}]", false),
                arguments("broken JSON", "broken.json", "{\"uid\": \"half", false),
                arguments("a hidden JSON file", ".hidden.json", "{\"uid\": \"h\", \"title\": \"H\"}", false),
                arguments("a file that is not JSON", "README.md", "{\"uid\": \"r\", \"title\": \"R\"}", false),
                arguments("someone else's temporary file", ".notes.txt.123.tmp", "x", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("neighbours")
    void pruneRemovesOnlyDashboardsDashWouldHaveWritten(String name, String file, String content, boolean removed)
            throws Exception {
        Files.writeString(dir.resolve(file), content);
        Exporter exporter = Exporter.ofOurDashboards();

        assertThat(exporter.check(dir))
                .as("check lists it as extra")
                .extracting(Exporter.Drift::file)
                .filteredOn(f -> f.getFileName().toString().equals(file))
                .hasSize(removed ? 1 : 0);
        exporter.export(dir, false);
        assertThat(dir.resolve(file)).as("without --prune").exists();
        Exporter.Result result = exporter.export(dir, true);

        assertThat(Files.exists(dir.resolve(file))).isEqualTo(!removed);
        assertThat(result.removed())
                .extracting(Exporter.Removed::file)
                .isEqualTo(removed ? List.of(dir.resolve(file)) : List.of());
        assertThat(exporter.check(dir))
                .as("the drift check is green after --prune")
                .isEmpty();
    }

    @Test
    void theNextExportRemovesTemporaryFilesOfAnInterruptedOne() throws Exception {
        Path leftover = dir.resolve(".arousal-dynamics.json.8172635482.tmp");
        Files.writeString(leftover, "{\"uid\": \"arousal-dyn");

        Exporter.Result result = Exporter.ofOurDashboards().export(dir, false);

        assertThat(leftover).doesNotExist();
        assertThat(result.removed()).containsExactly(new Exporter.Removed(leftover, null, null));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "arousal-dynamics.json", "consciousness-overview.json", "esgt-deep-dive.json");
        }
    }

    /** A dashboard whose query names a metric nobody exposes, defined as our dashboards are: by a class. */
    public static final class GhostDashboard implements DashboardDefinition {
        @Override
        public Dashboard build() {
            return Dashboard.builder("ghost", "Ghost")
                    .panel(Panels.timeseries("Ghost metric")
                            .description("Reads a metric that does not exist.")
                            .query("sum(no_such_metric_total)", "ghost")
                            .unit(Units.SHORT))
                    .build();
        }
    }

    private static Exporter validatingGhost() {
        RenderedDashboard ghost =
                RenderedDashboard.of(new DashboardRegistry.Defined(GhostDashboard.class, new GhostDashboard().build()));
        return new Exporter(List.of(ghost), SimulatorCatalog::catalog);
    }

    @Test
    void aValidationErrorWritesNothingAndNamesTheBuilderClassAndPanelNotTheJsonFile() throws Exception {
        Exporter.Result result = validatingGhost().export(dir, true);

        assertThat(result.blocked()).isTrue();
        assertThat(result.written()).isEmpty();
        Finding error = result.validation().findings().stream()
                .filter(f -> f.rule().equals("unknown-metric"))
                .findFirst()
                .orElseThrow();
        assertThat(Reports.textLine(error))
                .startsWith(GhostDashboard.class.getName() + ": Ghost › Ghost metric (id 1) › A: error unknown-metric")
                .doesNotContain("ghost.json");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutValidationTheSameDashboardIsWritten() {
        RenderedDashboard ghost =
                RenderedDashboard.of(new DashboardRegistry.Defined(GhostDashboard.class, new GhostDashboard().build()));
        Exporter.Result result = new Exporter(List.of(ghost)).export(dir, false);
        assertThat(result.validation()).isNull();
        assertThat(result.written()).extracting(Exporter.Written::action).containsExactly(Exporter.Action.WRITTEN);
        assertThat(dir.resolve("ghost.json")).exists();
    }

    @Test
    void ourThreeDashboardsHaveNoErrorAgainstTheEmbeddedCatalogue() {
        Exporter.Result result = Exporter.ofOurDashboardsValidated().export(dir, false);
        assertThat(result.blocked()).isFalse();
        assertThat(result.validation().findings())
                .filteredOn(f -> f.severity() == Severity.ERROR)
                .isEmpty();
        assertThat(result.validation().summary().dashboards()).isEqualTo(3);
    }

    @Test
    void dashValidateNamesOurDashboardsByTheFileTheyAreExportedTo() {
        assertThat(Exporter.asExportedFiles(Exporter.render()))
                .extracting(DashboardDocument::origin)
                .containsExactly(
                        "monitoring/grafana/dashboards/arousal-dynamics.json",
                        "monitoring/grafana/dashboards/consciousness-overview.json",
                        "monitoring/grafana/dashboards/esgt-deep-dive.json");
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
