package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every duration option reads PromQL's duration grammar, and a bad value is one sentence naming the option. */
class DurationOptionTest {

    @ParameterizedTest(name = "{0} is {1} ms")
    @CsvSource({
        "500ms, 500",
        "30s, 30000",
        "1m30s, 90000",
        "1h, 3600000",
        "1h30m, 5400000",
        "1d, 86400000",
        "2w, 1209600000",
        "1y, 31536000000",
        "30, 30000",
        "0, 0",
    })
    void promqlDurationsAreAccepted(String text, long millis) {
        assertThat(new DurationOption().convert(text)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "import,   --timeout,       1h",
        "import,   --timeout,       1m30s",
        "import,   --retry-backoff, 250ms",
        "simulate, --tick,          1h",
    })
    void everyDurationOptionTakesTheGrammar(String command, String option, String value) {
        var parsed = Main.commandLine().parseArgs(command, option, value);
        assertThat(parsed.subcommand().matchedOptionValue(option, Duration.ZERO))
                .isEqualTo(new DurationOption().convert(value));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
        "import,   --timeout, 10x",
        "pull,     --timeout, PT10S",
        "diff,     --timeout, 5m1h",
        "simulate, --tick,    soon",
        "simulate, --tick,    1.5s",
    })
    void aBadValueIsOneSentenceNamingTheOptionAndTheGrammar(String command, String option, String value) {
        Cli.Result r = Cli.run(Map.of(), command, option, value);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(option, "\"" + value + "\" is not a duration", "500ms, 30s, 1m30s, 1h")
                .doesNotContain("Exception");
        if (!value.startsWith("PT")) {
            assertThat(r.err()).doesNotContainPattern("PT\\d"); // never Java's Duration form
        }
    }
}
