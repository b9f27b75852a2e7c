package io.vertice.dash.validate;

import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.PrometheusAddedSeries;
import io.vertice.dash.validate.rules.Rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry point of validation: checks Grafana dashboards against rules and a metric catalogue.
 * <pre>{@code
 * ValidationReport report = Validator.withDefaultRules(catalog).validate(List.of(DashboardReader.read(path)));
 * }</pre>
 */
public final class Validator {
    private final MetricCatalog catalog;
    private final List<DashboardRule> dashboardRules = new ArrayList<>();
    private final List<QueryRule> queryRules = new ArrayList<>();

    public Validator(MetricCatalog catalog, List<? extends Rule> rules) {
        // the series Prometheus writes itself (up, scrape_*, ALERTS) are always known
        this.catalog = PrometheusAddedSeries.withSynthetic(Objects.requireNonNull(catalog, "catalog"));
        for (Rule r : rules) {
            if (r instanceof DashboardRule d) {
                dashboardRules.add(d);
            }
            if (r instanceof QueryRule q) {
                queryRules.add(q);
            }
        }
    }

    /** Every rule dash knows, against this catalogue. */
    public static Validator withDefaultRules(MetricCatalog catalog) {
        return new Validator(catalog, Rules.all());
    }

    /** What validating one dashboard gives. */
    private record Result(List<Finding> findings, List<ValidationReport.Checked> checked, int panels, int queries) {
    }

    /**
     * Validates every input; malformed input throws {@code DashException.input} naming the file. Dashboards are
     * independent, so they are checked in parallel; the report is the same in any order (findings are sorted).
     */
    public ValidationReport validate(List<DashboardDocument> inputs) {
        CatalogIndex index = new CatalogIndex(catalog);
        List<Result> results = (inputs.size() > 8 ? inputs.parallelStream() : inputs.stream()).map(input -> validateOne(input, index)).toList();
        List<Finding> findings = new ArrayList<>();
        List<ValidationReport.Checked> checked = new ArrayList<>();
        int panels = 0;
        int queries = 0;
        for (Result r : results) {
            findings.addAll(r.findings());
            checked.addAll(r.checked());
            panels += r.panels();
            queries += r.queries();
        }
        findings.sort(Finding.ORDER);
        int errors = (int) findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        int warnings = (int) findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return new ValidationReport(findings, checked,
                new ValidationReport.Summary(inputs.size(), panels, queries, errors, warnings));
    }

    private Result validateOne(DashboardDocument input, CatalogIndex index) {
        DashboardView dashboard = DashboardView.of(input);
        Findings out = new Findings(input.origin(), dashboard.title());
        for (DashboardRule rule : dashboardRules) {
            rule.check(dashboard, out);
        }
        for (QueryView query : dashboard.queries()) {
            QueryContext context = new QueryContext(dashboard, query, index);
            for (QueryRule rule : queryRules) {
                rule.check(context, out);
            }
        }
        List<ValidationReport.Checked> checked = new ArrayList<>();
        int panels = 0;
        for (PanelView p : dashboard.panels()) {
            if (p.isRow()) {
                continue;
            }
            panels++;
            // the very panel, not an equal one: two identical panels keep their own queries
            @SuppressWarnings("ReferenceEquality")
            List<QueryView> own = dashboard.queries().stream().filter(q -> q.panel() == p).toList();
            if (own.isEmpty()) {
                checked.add(new ValidationReport.Checked(input.origin(), dashboard.title(), p.label(), null));
            }
            own.forEach(q -> checked.add(new ValidationReport.Checked(input.origin(), dashboard.title(), q.location(), q.refId())));
        }
        dashboard.queries().stream().filter(q -> q.panel() == null)
                .forEach(q -> checked.add(new ValidationReport.Checked(input.origin(), dashboard.title(), q.location(), q.refId())));
        return new Result(out.list(), checked, panels, dashboard.queries().size());
    }
}
