package io.vertice.dash.validate;

/** A rule that looks at a whole dashboard: layout, panels, variables, datasources. */
public interface DashboardRule extends Rule {
    void check(DashboardView dashboard, Findings out);
}
