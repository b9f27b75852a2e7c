package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;

/**
 * What a {@link QueryRule} sees: the query, its dashboard, and the catalogue of metrics really exposed.
 */
public record QueryContext(DashboardView dashboard, Query query, MetricCatalog catalog) {
}
