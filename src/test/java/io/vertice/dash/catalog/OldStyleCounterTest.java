package io.vertice.dash.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Counters exposed without {@code _total} (older text-format exporters) are known under the name PromQL uses. */
class OldStyleCounterTest {

    @Test
    void aCounterWithoutTotalIsKnownByItsOwnName() {
        MetricCatalog catalog = Exposition.parse(
                        """
                # HELP http_requests Requests served.
                # TYPE http_requests counter
                http_requests{code="200"} 3
                http_requests{code="500"} 1
                """)
                .toCatalog();
        assertThat(catalog.series("http_requests")).hasValueSatisfying(s -> {
            assertThat(s.family().type()).isEqualTo(MetricType.COUNTER);
            assertThat(s.family().labels().get("code")).containsExactly("200", "500");
        });
        assertThat(catalog.series("http_requests_total")).isEmpty();
    }

    @Test
    void theUsualCounterShapeStillReadsAsTotal() {
        MetricCatalog catalog = Exposition.parse(
                        """
                # TYPE jobs_total counter
                jobs_total 7
                """)
                .toCatalog();
        assertThat(catalog.series("jobs_total")).isPresent();
        assertThat(catalog.series("jobs")).isEmpty();
        assertThat(catalog.family("jobs").orElseThrow().seriesNames()).containsExactly("jobs_total");
    }
}
