package io.vertice.dash.cli;

import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.grafana.PreImportCheck;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.validate.Validator;
import java.util.List;

/**
 * {@code dash import --validate}: the same rules as {@code dash validate}, against the embedded
 * simulator's catalogue (no network), over exactly the dashboards about to be pushed.
 */
final class ValidatorCheck implements PreImportCheck {
    @Override
    public Result check(List<DashboardDocument> dashboards) {
        ValidationReport report =
                Validator.withDefaultRules(new EmbeddedCatalogSource().load()).validate(dashboards);
        return new Result(report.hasErrors(), Reports.text(report).lines().toList());
    }
}
