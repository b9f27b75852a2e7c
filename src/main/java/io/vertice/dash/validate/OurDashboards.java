package io.vertice.dash.validate;

import io.vertice.dash.catalog.EmbeddedCatalogSource;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;

import java.util.ArrayList;
import java.util.List;

/** Our dashboards as validation inputs, named by the file they are exported to (so CI annotations land there). */
public final class OurDashboards {
    private OurDashboards() {
    }

    /** Rendered dashboards as documents, each named by the file it is exported to, as every command names it. */
    public static List<DashboardDocument> documents(List<RenderedDashboard> rendered) {
        List<DashboardDocument> documents = new ArrayList<>();
        for (RenderedDashboard d : rendered) {
            documents.add(DashboardReader.of(d.json(), Exporter.DEFAULT_DIR + "/" + d.fileName()));
        }
        return documents;
    }

    /** Validates rendered dashboards against the embedded simulator's catalogue (what {@code dash export} does first). */
    public static ValidationReport validate(List<RenderedDashboard> rendered) {
        return validate(rendered, new EmbeddedCatalogSource().load());
    }

    /** Validates rendered dashboards against a catalogue already loaded. */
    public static ValidationReport validate(List<RenderedDashboard> rendered, MetricCatalog catalog) {
        return Validator.withDefaultRules(catalog).validate(documents(rendered));
    }
}
