package io.vertice.dash.validate;

import io.vertice.dash.catalog.EmbeddedCatalogSource;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;

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
        return Validator.withDefaultRules(new EmbeddedCatalogSource().load()).validate(inputs(rendered));
    }
}
