package io.vertice.dash.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.catalog.Exposition;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricFamily;
import io.vertice.dash.catalog.MetricType;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The exporter over real HTTP: what a scraper gets. */
@Timeout(120) // per test: the tests here start servers or processes
class SimulatorServerTest {
    private static SimulatorServer server;

    @BeforeAll
    static void start() {
        // 60x real time so a few hundred milliseconds of wall time already move the counters.
        server = SimulatorServer.start(SimulatorConfig.defaults().withSpeed(60), "127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void textScrapeHasEverySpecMetricWithItsTypeLabelsAndValues() {
        Scrape.Response r = Scrape.get(server.metricsUrl(), Scrape.TEXT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        Exposition scraped = Exposition.parse(r.body());

        SpecCatalogue.FAMILIES.forEach((name, expected) -> {
            Exposition.Family f = scraped.family(name);
            assertThat(f).as("family %s in the scrape", name).isNotNull();
            assertThat(f.type()).as(name).isEqualTo(expected.type());
            assertThat(f.help()).as(name).isNotBlank();
            Map<String, Set<String>> seen = labelValues(f);
            assertThat(seen.get("environment")).as(name).containsExactlyInAnyOrder("prod", "staging");
            assertThat(seen.get("service_name")).as(name).containsExactly("maximus-core");
            expected.labels().forEach((label, values) -> assertThat(seen.get(label))
                    .as(name + " " + label)
                    .containsExactlyInAnyOrderElementsOf(values));
            assertThat(seen.keySet()).as(name).hasSize(2 + expected.labels().size());
        });
        // Counters are exposed as _total, histograms as _bucket/_sum/_count.
        assertThat(r.body())
                .contains(
                        "\nmaximus_esgt_failure_total{",
                        "\nmaximus_esgt_duration_seconds_bucket{",
                        "\nprocess_cpu_seconds_total{environment=\"prod\"");
    }

    @Test
    void everySeriesCarriesEnvironmentAndServiceName() {
        Exposition scraped =
                Exposition.parse(Scrape.get(server.metricsUrl(), Scrape.TEXT).body());
        assertThat(scraped.samples())
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).as(s.name()).containsKeys("environment", "service_name"));
    }

    @Test
    void openMetricsIsNegotiatedByTheAcceptHeader() {
        Scrape.Response r = Scrape.get(server.metricsUrl(), Scrape.OPENMETRICS);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/openmetrics-text; version=1.0.0");
        assertThat(r.body()).endsWith("# EOF\n").contains("# TYPE maximus_esgt_failure counter");
        Exposition scraped = Exposition.parse(r.body());
        assertThat(scraped.family("maximus_arousal_state").type()).isEqualTo(MetricType.GAUGE);
        assertThat(scraped.family("maximus_esgt_ignition_coherence").type()).isEqualTo(MetricType.HISTOGRAM);
    }

    @Test
    void catalogueEqualsWhatAScrapeShows() {
        MetricCatalog catalog = SimulatorCatalog.catalog();
        MetricCatalog scraped = Exposition.parse(
                        Scrape.get(server.metricsUrl(), Scrape.OPENMETRICS).body())
                .toCatalog();

        assertThat(catalog.families().keySet()).containsAll(scraped.families().keySet());
        // The only family a scrape may lack is the one the JVM fills after its first garbage collection.
        Set<String> notYetScraped = new java.util.HashSet<>(catalog.families().keySet());
        notYetScraped.removeAll(scraped.families().keySet());
        assertThat(notYetScraped).isSubsetOf("jvm_memory_pool_allocated_bytes");
        scraped.families().forEach((name, seen) -> {
            MetricFamily known = catalog.families().get(name);
            assertThat(seen.type()).as(name).isEqualTo(known.type());
            assertThat(seen.help()).as(name).isEqualTo(known.help());
            if (seen.labels().isEmpty()) {
                return; // a family without series yet (jvm_memory_pool_allocated_bytes before the first GC)
            }
            assertThat(seen.labels().keySet()).as(name).isEqualTo(known.labels().keySet());
            seen.labels().forEach((label, values) -> {
                Set<String> possible = known.labels().get(label);
                if (!possible.isEmpty()) { // empty = open (JVM-dependent names such as memory pools)
                    assertThat(possible).as(name + " " + label).containsAll(values);
                }
            });
        });
    }

    @Test
    void healthAndUnknownPathsAnswerLikeAnExporter() {
        String base = server.metricsUrl().replace("/metrics", "");
        assertThat(Scrape.get(base + "/-/healthy", "*/*").status()).isEqualTo(200);
    }

    @Test
    void tickerFollowsWallTimeAtTheConfiguredSpeed() throws InterruptedException {
        long before = server.simulation().ticks();
        long start = System.nanoTime();
        Thread.sleep(1000);
        long ticks = server.simulation().ticks() - before;
        double expected = (System.nanoTime() - start) / 1e9 * 60;
        // The ticker runs every tick that fell due, so it only lags by its wake-up period (at most a few ticks).
        assertThat((double) ticks).isBetween(expected - 8, expected + 2);
    }

    private static Map<String, Set<String>> labelValues(Exposition.Family f) {
        return f.samples().stream()
                .flatMap(s -> s.labels().entrySet().stream())
                .filter(e -> !e.getKey().equals("le"))
                .collect(Collectors.groupingBy(
                        Map.Entry::getKey, TreeMap::new, Collectors.mapping(Map.Entry::getValue, Collectors.toSet())));
    }
}
