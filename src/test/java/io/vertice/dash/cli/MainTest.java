package io.vertice.dash.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndEverythingElseGetsAll() {
        assertThat(Main.commandLine(new String[]{"export", "--check"}).getSubcommands()).containsOnlyKeys("export");
        assertThat(Main.commandLine(new String[]{}).getSubcommands())
                .containsKeys("help", "export", "list", "validate", "simulate", "completion", "promql", "docs",
                        "import", "pull", "diff");
        assertThat(Main.commandLine(new String[]{"--help"}).getSubcommands()).hasSize(11);
        assertThat(Main.commandLine(new String[]{"help", "export"}).getSubcommands()).hasSize(11);
        assertThat(Main.commandLine(new String[]{"exprt"}).getSubcommands()).hasSize(11);
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithASuggestion() {
        ExportCommandTest.Run r = ExportCommandTest.dash("exprt");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument", "Did you mean: dash export");
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        ExportCommandTest.Run r = ExportCommandTest.dash("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("export", "validate", "simulate", "import", "pull", "diff", "docs", "promql",
                "completion", "list");
    }
}
