package io.vertice.dash.model;

/**
 * One dashboard defined in code. Implementations live in {@code dashboards/} and are registered in
 * {@code META-INF/services/io.vertice.dash.model.DashboardDefinition}; that is all it takes to add one.
 */
public interface DashboardDefinition {
    Dashboard build();
}
