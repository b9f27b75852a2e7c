package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.promql.Expr;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a {@link QueryRule} sees: the query, its dashboard, and the catalogue of metrics really exposed.
 * {@code index} caches catalogue answers for the whole run; {@code labelCache} remembers inferred output labels per expression node, shared by the rules of one query.
 */
public record QueryContext(
        DashboardView dashboard,
        QueryView query,
        MetricCatalog catalog,
        CatalogIndex index,
        Map<Expr, QueryFacts.LabelSet> labelCache) {

    public QueryContext(DashboardView dashboard, QueryView query, CatalogIndex index) {
        this(dashboard, query, index.catalog(), index, new IdentityHashMap<>());
    }

    /** The labels the result of {@code e} (a node of this query) can carry. */
    public QueryFacts.LabelSet outputLabels(Expr e) {
        return QueryFacts.outputLabels(e, query.parsed(), catalog, labelCache);
    }
}
