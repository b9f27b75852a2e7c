package io.vertice.dash.export;

import io.vertice.dash.json.Json;
import io.vertice.dash.v2.ConversionLoss;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.util.Locale;

/**
 * The schema {@code dash export} writes. Both come from the same builders: v2 is the classic model
 * converted by {@link DashboardConversion}, the converter checked against Grafana's own fixtures, so
 * a v2 file is what Grafana 13 itself serves for our classic dashboard, and classic → v2 → classic
 * is checked to lose nothing ({@link ConversionLoss}).
 */
public enum ExportSchema {
    /** Classic dashboard JSON ({@code schemaVersion} 39): Grafana 10.4 to 12, file provisioning, the legacy API. */
    CLASSIC(Exporter.DEFAULT_DIR),
    /** A {@code dashboard.grafana.app/v2} resource: Grafana 13 and its {@code /apis}. */
    V2("monitoring/grafana/dashboards-v2");

    private final String defaultDir;

    ExportSchema(String defaultDir) {
        this.defaultDir = defaultDir;
    }

    /**
     * The schema written when neither {@code --schema} nor {@code .dash.yaml}'s {@code export.schema} says
     * otherwise (the CLI reads the configuration: {@code ProjectPaths.exportSchema()}).
     */
    public static ExportSchema configuredDefault() {
        return CLASSIC;
    }

    /** Where this schema's files go by default, relative to the repository: v2 files live apart from classic ones. */
    public String defaultDir() {
        return defaultDir;
    }

    /** The name used on the command line: {@code classic} or {@code v2}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The exact file content of a dashboard in this schema, byte-stable (the same JSON writer for
     * both). For v2, a construct with no v2 form is one sentence (exit 2), never dropped.
     */
    public String text(RenderedDashboard d) {
        if (this == CLASSIC) {
            return d.text();
        }
        ConversionLoss.requireNone(d.uid(), d.json());
        return Json.write(DashboardConversion.resource(d.uid(), DashboardConversion.toV2(d.json()), SchemaVersion.V2));
    }
}
