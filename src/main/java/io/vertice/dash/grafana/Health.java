package io.vertice.dash.grafana;

/**
 * What {@code GET /api/health} said.
 *
 * @param version  Grafana's version, or null when the server hides it
 * @param database the database state ({@code ok} when healthy)
 */
public record Health(String version, String database) {}
