package io.vertice.dash.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/**
 * Brings a dashboard model to the form we keep in git and compare: the fields Grafana owns dropped ({@code id}, {@code version},
 * {@code iteration}, and each panel's {@code pluginVersion}, which Grafana stamps with its own version
 * when it saves); {@code uid} is kept because it is the dashboard's identity across installs.
 */
public final class Normalizer {
    /** Top-level fields Grafana assigns on save; they differ between installs and saves, never in meaning. */
    public static final List<String> SERVER_OWNED = List.of("id", "version", "iteration");
    /** Panel fields Grafana stamps on save: the version of the Grafana that last saved it. */
    public static final String PANEL_SERVER_OWNED = "pluginVersion";

    private Normalizer() {}

    /**
     * A normalised deep copy (keys sorted, integral numbers as integers) of a dashboard model; the input is
     * not modified. Any value of any type is accepted: a panel that is not an object is kept as it is.
     * Unwrapping an API answer or a resource is {@code DashboardReader}'s job, before this.
     */
    public static ObjectNode normalize(JsonNode dashboard) {
        if (!(dashboard instanceof ObjectNode)) {
            throw new IllegalArgumentException("a dashboard model is a JSON object; read it with DashboardReader");
        }
        ObjectNode copy = (ObjectNode) Json.canonical(dashboard);
        copy.remove(SERVER_OWNED);
        for (JsonNode panel : copy.path("panels")) {
            if (panel instanceof ObjectNode p) {
                p.remove(PANEL_SERVER_OWNED);
                for (JsonNode inner : p.path("panels")) {
                    if (inner instanceof ObjectNode i) {
                        i.remove(PANEL_SERVER_OWNED);
                    }
                }
            }
        }
        return copy;
    }
}
