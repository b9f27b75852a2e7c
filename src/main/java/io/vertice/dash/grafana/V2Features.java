package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.v2.ConversionLoss;
import io.vertice.dash.v2.SchemaVersion;
import java.util.Optional;

/**
 * What one schema holds that the other cannot, by dash's round-trip check ({@link ConversionLoss}). Only a
 * drop is a loss; what a conversion adds (Grafana's built-in annotation, defaults) is not. ConversionLoss
 * tells the two apart only in its sentence: this is the one place that reads it. dash checks itself because
 * Grafana does not say: its data-loss check after a conversion only logs and counts, without marking
 * {@code status.conversion} ({@code withConversionMetrics} in grafana/grafana returns nil).
 */
final class V2Features {
    private V2Features() {}

    /** What a classic dashboard would lose in v2, as a sentence, or empty. */
    static Optional<String> v2Loss(ObjectNode classic) {
        return ConversionLoss.of(classic).filter(V2Features::drops);
    }

    /**
     * Why a v2 spec stored in {@code version} ({@code v2}, {@code v2beta1}...) has no faithful classic form (tabs,
     * an auto grid, conditional rendering, row variables...), or null when it has one.
     */
    static String classicLoss(JsonNode spec, String version) {
        SchemaVersion v = SchemaVersion.ofApiVersion(ApisDashboards.GROUP + "/" + version);
        return spec.isObject()
                ? ConversionLoss.ofV2((ObjectNode) spec, v == null ? SchemaVersion.V2BETA1 : v)
                        .filter(V2Features::drops)
                        .orElse(null)
                : null;
    }

    private static boolean drops(String loss) {
        return !loss.endsWith("add it");
    }
}
