package io.vertice.dash.cli;

import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.Panels;
import io.vertice.dash.model.Units;
import io.vertice.dash.simulator.SimulatorCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {

    @TempDir
    Path dir;

    static Cli.Result dash(String... args) {
        return Cli.run(args);
    }

    @Test
    void exportPrintsOneLinePerDashboardThenReportsUnchanged() {
        Cli.Result first = dash("export", "--out", dir.toString());
        assertThat(first.exit()).isZero();
        assertThat(first.out().lines()).hasSize(3).allMatch(l -> l.endsWith("written"));
        assertThat(first.out()).contains("consciousness-overview", "Consciousness Overview", "11 panels");
        Cli.Result second = dash("export", "--out", dir.toString());
        assertThat(second.out().lines()).hasSize(3).allMatch(l -> l.endsWith("unchanged"));
    }

    @Test
    void checkExitsOneListingEachDifferenceAndZeroWhenClean() throws Exception {
        Cli.Result missing = dash("export", "--check", "--out", dir.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("missing  " + dir.resolve("esgt-deep-dive.json"))
                .contains("run 'dash export'");
        try (var files = Files.list(dir)) {
            assertThat(files).as("--check writes nothing").isEmpty();
        }

        dash("export", "--out", dir.toString());
        Files.writeString(dir.resolve("old.json"), "{}");
        Cli.Result extra = dash("export", "--check", "--out", dir.toString());
        assertThat(extra.exit()).isEqualTo(1);
        assertThat(extra.out()).contains("extra    " + dir.resolve("old.json"));

        Files.delete(dir.resolve("old.json"));
        Cli.Result clean = dash("export", "--check", "--out", dir.toString());
        assertThat(clean.exit()).isZero();
        assertThat(clean.out()).contains("3 dashboards match");
    }

    @Test
    void anUnwritableDirectoryIsOneSentenceAndExitTwoWithoutStackTrace() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        Cli.Result r = dash("export", "--out", file.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).startsWith("dash: cannot write").doesNotContain("Exception", "\tat ");
    }

    @Test
    void listShowsDashboardsPanelsAndQueries() {
        Cli.Result r = dash("list");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("esgt-deep-dive  ESGT Deep Dive  (11 panels)")
                .contains("heatmap        Coherence distribution  [short]")
                .contains("A: histogram_quantile(0.95");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitTwo() {
        Cli.Result r = dash("export", "--no-such-flag");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("dash: unknown option '--no-such-flag' for 'dash export'. See 'dash export --help'."
                + System.lineSeparator());
    }

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = dash("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("dash \\d+\\.\\d+\\.\\d+.*\\n");
    }

    /** A dashboard whose query names a metric nobody exposes. */
    static Exporter brokenExporter() {
        var broken = Dashboard.builder("broken", "Broken")
                .panel(Panels.timeseries("Ghost").description("Reads a metric that does not exist.")
                        .query("sum(no_such_metric_total)", "ghost").unit(Units.SHORT))
                .build();
        return new Exporter(List.of(RenderedDashboard.of(broken)));
    }

    @Test
    void validationErrorsMeanNothingIsWrittenAndExitOne() throws Exception {
        StringWriter out = new StringWriter();
        int exit = ExportCommand.write(brokenExporter(), dir,
                CompletableFuture.completedFuture(SimulatorCatalog.catalog()), new PrintWriter(out));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("unknown-metric", "no_such_metric_total", "nothing written");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void withoutValidationTheSameDashboardIsWritten() {
        StringWriter out = new StringWriter();
        assertThat(ExportCommand.write(brokenExporter(), dir, null, new PrintWriter(out))).isZero();
        assertThat(dir.resolve("broken.json")).exists();
        assertThat(out.toString()).contains("broken", "written");
    }

    @Test
    void validateAndNoValidateAreBothAccepted() {
        assertThat(dash("export", "--validate", "--out", dir.toString()).exit()).isZero();
        assertThat(dash("export", "--no-validate", "--out", dir.toString()).exit()).isZero();
    }
}
