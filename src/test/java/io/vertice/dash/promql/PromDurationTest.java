package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one duration type: PromQL's grammar in, the same form out (never Java's PT10S). */
class PromDurationTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "500ms, 500ms",
        "90s, 1m30s",
        "1m30s, 1m30s",
        "3600s, 1h",
        "1h30m, 1h30m",
        "24h, 1d",
        "7d, 1w",
        "365d, 1y",
        "1y2w3d4h5m6s7ms, 1y2w3d4h5m6s7ms",
        "0, 0s",
        "10, 10s",
        "1.5, 1s500ms",
    })
    void readsPromqlAndWritesItBack(String text, String written) {
        PromDuration d = PromDuration.parse(text);
        assertThat(d.toString()).isEqualTo(written);
        assertThat(PromDuration.parse(written)).isEqualTo(d);
        assertThat(PromDuration.of(d.toDuration())).isEqualTo(d);
    }

    @ParameterizedTest(name = "\"{0}\" is not a duration")
    @ValueSource(strings = {"", "1x", "5m1h", "1h1h", "PT10S", "-5s", "1.5s", "s", "1h 30m", "99999999999999999999y"})
    void badValuesAreOneSentenceWithTheGrammar(String text) {
        assertThatThrownBy(() -> PromDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("\"" + text.strip() + "\" is not a duration: write " + PromDuration.GRAMMAR + ".");
        assertThat(PromDuration.tryParse(text)).isEmpty();
    }

    @ParameterizedTest(name = "[{0}] in a query is {1} ms")
    @CsvSource({"5m, 300000", "1h30m, 5400000", "100ms, 100", "1y, 31536000000"})
    void queriesReadTheSameGrammar(String range, long millis) {
        MatrixSelector m = (MatrixSelector) PromQL.parse("up[" + range + "]");
        assertThat(m.range()).isEqualTo(Duration.ofMillis(millis));
        assertThat(m.range()).isEqualTo(PromDuration.parse(range).toDuration());
    }
}
