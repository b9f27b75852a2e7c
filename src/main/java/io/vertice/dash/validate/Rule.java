package io.vertice.dash.validate;

/**
 * A validation rule. One class per rule; every rule has a stable id (used in output and to look it up),
 * the severity of its findings, and one line saying why it matters.
 * Implement {@link DashboardRule} or {@link QueryRule}.
 */
public interface Rule {
    String id();

    Severity severity();

    String why();
}
