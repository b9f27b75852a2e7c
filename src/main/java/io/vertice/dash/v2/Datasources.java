package io.vertice.dash.v2;

/**
 * What dash can say about a datasource offline. Grafana's converter asks the server for the type of
 * a uid and for the default datasource; dash converts without a server, so it knows only Grafana's
 * built-in datasources and otherwise leaves the type empty, which v2 reads as "the default
 * datasource" (an empty {@code group}), exactly as a classic reference without a type does.
 */
final class Datasources {
    /** The type written where Grafana would write its default datasource's type. */
    static final String DEFAULT_TYPE = "";
    /** The uid of Grafana's built-in "-- Grafana --" datasource, whose type is {@code datasource}. */
    static final String GRAFANA_UID = "grafana";

    private Datasources() {}

    /** The type of a datasource known by uid alone, or {@link #DEFAULT_TYPE}. */
    static String typeOf(String uid) {
        return switch (uid) {
            case "-- Grafana --", GRAFANA_UID -> "grafana";
            case "-- Mixed --" -> "mixed";
            case "-- Dashboard --" -> "dashboard";
            default -> DEFAULT_TYPE;
        };
    }

    /** Grafana resolves {@code {type: "datasource"}} without a uid to the built-in Grafana datasource. */
    static String grafanaUid(String type, String uid) {
        return type.equals("datasource") && uid.isEmpty() ? GRAFANA_UID : uid;
    }
}
