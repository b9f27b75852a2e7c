package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.PrometheusAddedSeries;
import io.vertice.dash.document.DashboardDocument;
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
    private final ValidationPolicy policy;

    public Validator(MetricCatalog catalog, List<? extends Rule> rules) {
        this(catalog, rules, ValidationPolicy.NONE);
    }

    /** Rules against a catalogue, with a team's {@code .dash.yaml} decisions applied. */
    public Validator(MetricCatalog catalog, List<? extends Rule> rules, ValidationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
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

    /** Every rule dash knows, against this catalogue, with a team's {@code .dash.yaml} decisions. */
    public static Validator withDefaultRules(MetricCatalog catalog, ValidationPolicy policy) {
        return new Validator(catalog, Rules.all(), policy);
    }

    /** What validating one dashboard gives. */
    private record Result(
            List<Finding> findings,
            List<ValidationReport.Excluded> excluded,
            List<ValidationReport.Checked> checked,
            int panels,
            int queries) {}

    /**
     * Validates every input; malformed input throws {@code DashException.input} naming the file. Dashboards are
     * independent, so they are checked in parallel; the report is the same in any order (findings are sorted).
     */
    public ValidationReport validate(List<DashboardDocument> inputs) {
        CatalogIndex index = new CatalogIndex(catalog);
        List<Result> results = (inputs.size() > 8 ? inputs.parallelStream() : inputs.stream())
                .map(input -> validateOne(input, index))
                .toList();
        List<Finding> findings = new ArrayList<>();
        List<ValidationReport.Excluded> excluded = new ArrayList<>();
        List<ValidationReport.Checked> checked = new ArrayList<>();
        int panels = 0;
        int queries = 0;
        for (Result r : results) {
            findings.addAll(r.findings());
            excluded.addAll(r.excluded());
            checked.addAll(r.checked());
            panels += r.panels();
            queries += r.queries();
        }
        findings.sort(Finding.ORDER);
        excluded.sort(java.util.Comparator.comparing(ValidationReport.Excluded::finding, Finding.ORDER));
        int errors = (int)
                findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        int warnings = (int)
                findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return new ValidationReport(
                findings,
                checked,
                new ValidationReport.Summary(inputs.size(), panels, queries, errors, warnings, excluded.size()),
                excluded);
    }

    private Result validateOne(DashboardDocument input, CatalogIndex index) {
        DashboardView dashboard = DashboardView.of(input, policy.dialects());
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
        java.util.IdentityHashMap<PanelView, List<QueryView>> byPanel = new java.util.IdentityHashMap<>();
        for (QueryView q : dashboard.queries()) {
            if (q.panel() != null) {
                byPanel.computeIfAbsent(q.panel(), k -> new ArrayList<>()).add(q);
            }
        }
        int panels = 0;
        for (PanelView p : dashboard.panels()) {
            if (p.isRow()) {
                continue;
            }
            panels++;
            List<QueryView> own = byPanel.getOrDefault(p, List.of());
            if (own.isEmpty()) {
                checked.add(new ValidationReport.Checked(input.origin(), dashboard.title(), p.label(), null));
            }
            own.forEach(q -> checked.add(
                    new ValidationReport.Checked(input.origin(), dashboard.title(), q.location(), q.refId())));
        }
        dashboard.queries().stream()
                .filter(q -> q.panel() == null)
                .forEach(q -> checked.add(
                        new ValidationReport.Checked(input.origin(), dashboard.title(), q.location(), q.refId())));
        List<Finding> kept = new ArrayList<>();
        List<ValidationReport.Excluded> excluded = new ArrayList<>();
        for (Finding f : out.list()) {
            Exclusion by = policy.exclusions().stream()
                    .filter(e -> e.matches(dashboard.uid(), f))
                    .findFirst()
                    .orElse(null);
            Severity severity = policy.severities().get(f.rule());
            Finding decided = severity == null ? f : f.withSeverity(severity);
            if (by == null) {
                kept.add(decided);
            } else {
                excluded.add(new ValidationReport.Excluded(decided, by));
            }
        }
        return new Result(kept, excluded, checked, panels, dashboard.queries().size());
    }
}
