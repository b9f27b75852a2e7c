package io.vertice.dash.config;

import java.util.Locale;

/**
 * The dashboard JSON {@code dash export} writes: Grafana's classic dashboard model, or the v2 schema. Reserved
 * in {@code .dash.yaml} ({@code export: {schema: classic|v2}}); the export command decides the default.
 */
public enum ExportSchema {
    CLASSIC, V2;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
