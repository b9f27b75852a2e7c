package io.vertice.dash.catalog;

import io.vertice.dash.simulator.SimulatorCatalog;

/**
 * The default catalogue: what the embedded simulator exposes, built in-process (no network), seen as
 * Prometheus would store it after a scrape (plus {@code job}/{@code instance} and the series Prometheus adds).
 */
public final class EmbeddedCatalogSource implements CatalogSource {
    @Override
    public MetricCatalog load() {
        return PrometheusAddedSeries.asScraped(SimulatorCatalog.catalog());
    }

    @Override
    public String describe() {
        return "the embedded simulator";
    }
}
