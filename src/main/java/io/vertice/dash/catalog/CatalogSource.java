package io.vertice.dash.catalog;

/**
 * Where the metric catalogue comes from: the embedded simulator (default), an exporter's {@code /metrics}
 * ({@code --metrics-url}), or a Prometheus-compatible HTTP API ({@code --prometheus}).
 */
public interface CatalogSource {
    /** Loads the catalogue; a remote that cannot be reached or answers nonsense is a {@code DashException.remote}. */
    MetricCatalog load();

    /** Where the catalogue comes from, for messages ("the embedded simulator", "http://..."). */
    String describe();
}
