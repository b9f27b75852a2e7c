package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.json.AtomicWriteLoop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

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
        assertThat(missing.out())
                .contains("missing  " + dir.resolve("esgt-deep-dive.json"))
                .contains("run 'dash export'");
        try (var files = Files.list(dir)) {
            assertThat(files).as("--check writes nothing").isEmpty();
        }

        dash("export", "--out", dir.toString());
        Files.writeString(dir.resolve("old.json"), "{\"uid\": \"old\", \"title\": \"Old\"}");
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
        assertThat(r.out())
                .contains("esgt-deep-dive  ESGT Deep Dive  (11 panels)")
                .contains("heatmap        Coherence distribution  [short]")
                .contains("A: histogram_quantile(0.95");
    }

    @Test
    void anUnknownFlagIsAUsageErrorWithExitTwo() {
        Cli.Result r = dash("export", "--no-such-flag");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .isEqualTo("dash: unknown option '--no-such-flag' for 'dash export'. See 'dash export --help'."
                        + System.lineSeparator());
    }

    @Test
    void versionComesFromTheBuild() {
        Cli.Result r = dash("--version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).matches("dash \\d+\\.\\d+\\.\\d+.*\\n");
    }

    @Test
    void anExtraDashboardIsAdvisedAwayWithPruneAndPruneMakesTheCheckGreen() throws Exception {
        dash("export", "--out", dir.toString());
        // a uid rename leaves the old file behind
        Files.writeString(
                dir.resolve("old-uid.json"), "{\"uid\": \"old-uid\", \"title\": \"Old Title\", \"panels\": []}\n");
        Files.writeString(dir.resolve("notes.json"), "{\"owner\": \"sre\"}\n");

        Cli.Result check = dash("export", "--check", "--out", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out())
                .isEqualTo("extra    " + dir.resolve("old-uid.json") + "\n" + "1 file(s) differ from the code in " + dir
                        + "; run 'dash export --prune' and commit the result.\n");

        Cli.Result plain = dash("export", "--out", dir.toString());
        assertThat(plain.exit()).isZero();
        assertThat(dir.resolve("old-uid.json"))
                .as("plain export never removes anything")
                .exists();

        Cli.Result prune = dash("export", "--prune", "--out", dir.toString());
        assertThat(prune.exit()).isZero();
        assertThat(prune.out())
                .contains("old-uid                  Old Title                removed (the code no longer produces it)");
        assertThat(dir.resolve("old-uid.json")).doesNotExist();
        assertThat(dir.resolve("notes.json"))
                .as("not a dashboard: never dash's to remove")
                .exists();

        assertThat(dash("export", "--check", "--out", dir.toString()).exit()).isZero();
    }

    @Test
    void checkAndPruneTogetherAreAUsageError() {
        Cli.Result r = dash("export", "--check", "--prune", "--out", dir.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("dash: --check writes nothing and --prune removes files: pass one of them.\n");
    }

    /**
     * A writer killed with SIGKILL between creating its temporary file and renaming it leaves the hidden
     * temporary file behind: the drift check reports it (never as a dashboard), the next export removes it.
     */
    @Test
    @Timeout(120)
    void temporaryFilesOfAKilledExportAreReportedByCheckAndRemovedByTheNextExport() throws Exception {
        dash("export", "--out", dir.toString());
        Path target = dir.resolve("esgt-deep-dive.json");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Path> leftovers = List.of();
        for (int round = 0; round < 10 && leftovers.isEmpty(); round++) {
            Process writer = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            AtomicWriteLoop.class.getName(),
                            target.toString())
                    .redirectErrorStream(true)
                    .start();
            try {
                // kill it once it is writing its own versions (4 MB each: most of its time is spent mid-write)
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (Files.size(target) != AtomicWriteLoop.SIZE && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(50 + round * 37L);
            } finally {
                writer.destroyForcibly();
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            try (Stream<Path> files = Files.list(dir)) {
                leftovers = files.filter(f -> f.getFileName().toString().startsWith(".esgt-deep-dive.json."))
                        .toList();
            }
        }
        assertThat(leftovers).as("a kill mid-write leaves the temporary file").isNotEmpty();

        Cli.Result check = dash("export", "--check", "--out", dir.toString());
        assertThat(check.exit()).isEqualTo(1);
        assertThat(check.out()).contains("changed  " + target).doesNotContain("extra");
        for (Path leftover : leftovers) {
            assertThat(check.out()).contains("leftover " + leftover);
        }
        assertThat(check.out()).contains("run 'dash export' and commit");

        Cli.Result export = dash("export", "--out", dir.toString());
        assertThat(export.exit()).isZero();
        assertThat(export.out()).contains("removed " + leftovers.get(0) + " (left by an interrupted export)");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "arousal-dynamics.json", "consciousness-overview.json", "esgt-deep-dive.json");
        }
        assertThat(dash("export", "--check", "--out", dir.toString()).exit()).isZero();
    }

    @Test
    void validateAndNoValidateAreBothAccepted() {
        assertThat(dash("export", "--validate", "--out", dir.toString()).exit()).isZero();
        assertThat(dash("export", "--no-validate", "--out", dir.toString()).exit())
                .isZero();
    }
}
