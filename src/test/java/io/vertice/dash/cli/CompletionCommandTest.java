package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // per test: the tests here start servers or processes
class CompletionCommandTest {

    @Test
    void completionScriptCoversCommandsAndOptionsAndIsValidBash() throws Exception {
        Cli.Result r = Cli.run("completion");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("export", "list", "--check", "--out", "complete -F");

        Process bash =
                new ProcessBuilder("bash", "-n").redirectErrorStream(true).start();
        bash.getOutputStream().write(r.out().getBytes(StandardCharsets.UTF_8));
        bash.getOutputStream().close();
        assertThat(bash.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String complaints = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(complaints).isZero();
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : Main.commandLine().getSubcommands().keySet()) {
            if (command.equals("help")) {
                continue;
            }
            Cli.Result r = Cli.run(command, "--help");
            assertThat(r.exit()).as(command).isZero();
            assertThat(r.out()).as(command).contains("Usage: dash " + command).containsIgnoringCase("example");
        }
    }
}
