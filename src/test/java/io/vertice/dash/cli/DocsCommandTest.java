package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.SharedDir;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {

    @TempDir
    Path dir;

    @Test
    void theReferenceNamesEveryPanelQueryUnitAndMetric() throws Exception {
        Path file = dir.resolve("ref.md");
        assertThat(Cli.run("docs", "--out", file.toString()).exit()).isZero();
        String md = Files.readString(file);
        assertThat(md)
                .contains("## Consciousness Overview", "## ESGT Deep Dive", "## Arousal Dynamics")
                .contains("#### Failure reasons", "unit `percentunit`")
                .contains("thresholds: red below -3, orange from -3, green from -2, orange from 2, red from 3")
                .contains("\"hyperalert\" (0.8–1)")
                .contains("sum by (failure_reason) (increase(maximus_esgt_failure_total")
                .contains("## Metric catalogue")
                .contains("| `maximus_arousal_state_transition_total` | counter | `transition`: ")
                .contains("`failure_reason`: ", "`salience_below_threshold`", "`insufficient_nodes`");
    }

    @Test
    void checkFailsWhenTheFileDriftsAndPassesWhenCurrent() throws Exception {
        Path file = dir.resolve("ref.md");
        assertThat(Cli.run("docs", "--check", "--out", file.toString()).exit()).isEqualTo(1);
        Cli.run("docs", "--out", file.toString());
        assertThat(Cli.run("docs", "--check", "--out", file.toString()).exit()).isZero();
        Files.writeString(file, Files.readString(file).replace("Normal", "Usual"));
        Cli.Result drift = Cli.run("docs", "--check", "--out", file.toString());
        assertThat(drift.exit()).isEqualTo(1);
        assertThat(drift.out()).contains("changed", "run 'dash docs'");
    }

    @Test
    void theCommittedReferenceMatchesTheCode() {
        Path committed = SharedDir.projectDir().resolve("docs/dashboards.md");
        Cli.Result r = Cli.run("docs", "--check", "--out", committed.toString());
        assertThat(r.exit())
                .as("run './dash docs' and commit docs/dashboards.md: " + r.out())
                .isZero();
    }
}
