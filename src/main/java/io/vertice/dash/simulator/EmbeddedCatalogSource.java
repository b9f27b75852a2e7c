package io.vertice.dash.simulator;

import io.vertice.dash.catalog.CatalogSource;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.PrometheusAddedSeries;

/**
 * The default catalogue: what the embedded simulator exposes, built in-process (no network), seen as
 * Prometheus would store it after a scrape (plus {@code job}/{@code instance} and the series Prometheus adds).
 * It lives with the simulator, which depends on the catalogue package and not the other way round.
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
