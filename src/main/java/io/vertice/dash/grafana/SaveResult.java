package io.vertice.dash.grafana;

/**
 * Grafana's answer to a successful {@code POST /api/dashboards/db}.
 *
 * @param uid     the dashboard's uid
 * @param version the version now stored
 * @param url     path of the dashboard in Grafana's UI
 */
public record SaveResult(String uid, long version, String url) {}
