package io.vertice.dash.document;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;

/**
 * The one seam between a v2 dashboard and the classic view that {@code validate}, {@code diff} and the
 * legacy import read. Until dash has a v2 to classic conversion, a v2 dashboard is an input error
 * (exit 2) saying so, never a silent empty result.
 */
final class V2Classic {
    private V2Classic() {
    }

    static ObjectNode convert(DashboardDocument v2) {
        String as = v2.apiVersion().isEmpty() ? "a v2 dashboard spec" : "a " + v2.apiVersion() + " dashboard";
        throw DashException.input(v2.origin() + " is " + as + ", and dash does not read the v2 schema yet (v2 not yet "
                + "supported); export it from Grafana as classic JSON, or read it through dashboard.grafana.app/v1.");
    }
}
