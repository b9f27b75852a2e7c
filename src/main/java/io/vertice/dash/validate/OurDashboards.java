package io.vertice.dash.validate;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.simulator.EmbeddedCatalogSource;

import java.util.ArrayList;
import java.util.List;

/** Our dashboards as validation inputs, named by the file they are exported to (so CI annotations land there). */
public final class OurDashboards {
    private OurDashboards() {
    }

    public static List<DashboardInput> inputs(List<RenderedDashboard> rendered) {
        List<DashboardInput> inputs = new ArrayList<>();
        for (RenderedDashboard d : rendered) {
            inputs.add(new DashboardInput(Exporter.DEFAULT_DIR + "/" + d.fileName(), d.json()));
        }
        return inputs;
    }

    /** Validates rendered dashboards against the embedded simulator's catalogue (what {@code dash export} does first). */
    public static ValidationReport validate(List<RenderedDashboard> rendered) {
        return validate(rendered, new EmbeddedCatalogSource().load());
    }

    /** Validates rendered dashboards against a catalogue already loaded. */
    public static ValidationReport validate(List<RenderedDashboard> rendered, MetricCatalog catalog) {
        return Validator.withDefaultRules(catalog).validate(inputs(rendered));
    }
}
