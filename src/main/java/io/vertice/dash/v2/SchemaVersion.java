package io.vertice.dash.v2;

/**
 * The two v2 dashboard API versions dash writes. Their specs differ only in the shape of a panel
 * transformation (and v2's optional {@code preferences}, which dash does not write).
 */
public enum SchemaVersion {
    /** {@code dashboard.grafana.app/v2beta1}: Grafana 12.2 to 12.4, and 13 alongside v2. */
    V2BETA1("dashboard.grafana.app/v2beta1"),
    /** {@code dashboard.grafana.app/v2}: Grafana 13 and later. */
    V2("dashboard.grafana.app/v2");

    private final String apiVersion;

    SchemaVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** The resource's {@code apiVersion}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** The version of an {@code apiVersion}, or null when it is not a v2 dashboard version dash reads. */
    public static SchemaVersion ofApiVersion(String apiVersion) {
        for (SchemaVersion v : values()) {
            if (v.apiVersion.equals(apiVersion)) {
                return v;
            }
        }
        return null;
    }
}
