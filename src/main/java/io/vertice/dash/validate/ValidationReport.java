package io.vertice.dash.validate;

import io.vertice.dash.ExitCodes;
import java.util.List;

/**
 * The result of validating some dashboards.
 *
 * @param findings every finding, sorted by {@link Finding#ORDER}
 * @param checked  every panel and query that was checked, per dashboard, in document order (JUnit cases)
 * @param excluded the findings {@code .dash.yaml} excludes, with the exclusion that matched, sorted like findings
 */
public record ValidationReport(
        List<Finding> findings, List<Checked> checked, Summary summary, List<Excluded> excluded) {

    /** Counts as printed in the summary line and the JSON {@code summary} object. */
    public record Summary(int dashboards, int panels, int queries, int errors, int warnings, int excludedCount) {
        public Summary(int dashboards, int panels, int queries, int errors, int warnings) {
            this(dashboards, panels, queries, errors, warnings, 0);
        }
    }

    /** A finding an exclusion of {@code .dash.yaml} accepted. */
    public record Excluded(Finding finding, Exclusion by) {}

    /** One thing that was checked: a query (refId set) or a panel without queries (refId null). */
    public record Checked(String file, String dashboard, String panel, String refId) {}

    public ValidationReport {
        findings = List.copyOf(findings);
        checked = List.copyOf(checked);
        excluded = List.copyOf(excluded);
    }

    public ValidationReport(List<Finding> findings, List<Checked> checked, Summary summary) {
        this(findings, checked, summary, List.of());
    }

    /** This report with more findings (e.g. from {@code --live}), re-sorted and re-counted. */
    public ValidationReport plus(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        all.sort(Finding.ORDER);
        int errors =
                (int) all.stream().filter(f -> f.severity() == Severity.ERROR).count();
        int warnings =
                (int) all.stream().filter(f -> f.severity() == Severity.WARNING).count();
        return new ValidationReport(
                all,
                checked,
                new Summary(
                        summary.dashboards(),
                        summary.panels(),
                        summary.queries(),
                        errors,
                        warnings,
                        summary.excludedCount()),
                excluded);
    }

    public boolean hasErrors() {
        return summary.errors() > 0;
    }

    /** 0 when nothing is an error, 1 when something is. */
    public int exitCode() {
        return hasErrors() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
