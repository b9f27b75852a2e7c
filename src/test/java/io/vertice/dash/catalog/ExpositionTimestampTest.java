package io.vertice.dash.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Sample timestamps: milliseconds in the text format, seconds (possibly fractional) in OpenMetrics. */
class ExpositionTimestampTest {

    @Test
    void textFormatTimestampsAreMilliseconds() {
        Exposition e = Exposition.parse("# TYPE up gauge\nup{job=\"a\"} 1 1700000000123\n");
        assertThat(e.samples().get(0).timestampMillis()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void openMetricsTimestampsAreSecondsAndBecomeMilliseconds() {
        Exposition e = Exposition.parse("# TYPE up gauge\nup{job=\"a\"} 1 1700000000.123\n# EOF\n");
        assertThat(e.samples().get(0).timestampMillis()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void samplesWithoutTimestampHaveNone() {
        Exposition e = Exposition.parse("# TYPE up gauge\nup 1\n# EOF\n");
        assertThat(e.samples().get(0).timestampMillis()).isNull();
    }
}
