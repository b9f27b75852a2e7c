package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.model.DatasourceRef;

/**
 * One entry of a panel's {@code targets}: for Prometheus, {@code expr} and {@code legendFormat}.
 *
 * @param refId        the query's refId (A, B, ...); "" when the JSON has none
 * @param expr         the PromQL text, null for targets of other datasources
 * @param legendFormat the legend template ({@code {{label}}}), null when unset
 * @param datasource   the target's own datasource, null when it inherits the panel's
 * @param hidden       {@code hide: true}: Grafana does not run it
 */
public record TargetView(
        String refId, String expr, String legendFormat, DatasourceRef datasource, boolean hidden, JsonNode json) {

    static TargetView of(JsonNode node, int index) {
        String refId = node.hasNonNull("refId")
                ? node.get("refId").asText()
                : String.valueOf((char) ('A' + Math.min(index, 25)));
        String expr = node.hasNonNull("expr") && node.get("expr").isTextual()
                ? node.get("expr").asText()
                : null;
        String legend =
                node.hasNonNull("legendFormat") ? node.get("legendFormat").asText() : null;
        return new TargetView(
                refId,
                expr,
                legend,
                DatasourceRef.of(node.get("datasource")),
                node.path("hide").asBoolean(false),
                node);
    }
}
