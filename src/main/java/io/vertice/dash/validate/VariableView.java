package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.model.DatasourceRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One templating variable of any type (query, custom, datasource, interval, constant, textbox, adhoc).
 *
 * @param query   the query text: {@code label_values(...)} for query variables (also the newer
 *                {@code {"query": ...}} object form), the comma list of custom/interval ones, the plugin
 *                type for datasource variables; "" when absent
 * @param current the current value(s), in order ({@code $__all} when All is selected)
 * @param options the values of {@code options}, in order
 */
public record VariableView(
        String name,
        String type,
        String query,
        DatasourceRef datasource,
        List<String> current,
        List<String> options,
        boolean multi,
        boolean includeAll,
        JsonNode json) {

    public VariableView {
        current = List.copyOf(current);
        options = List.copyOf(options);
    }

    static VariableView of(JsonNode node) {
        JsonNode q = node.get("query");
        String query = "";
        if (q != null && q.isTextual()) {
            query = q.asText();
        } else if (q != null && q.isObject() && q.hasNonNull("query")) {
            query = q.get("query").asText();
        }
        List<String> current = values(node.path("current").get("value"));
        List<String> options = new ArrayList<>();
        for (JsonNode o : node.path("options")) {
            options.addAll(values(o.get("value")));
        }
        return new VariableView(
                node.path("name").asText(""),
                node.path("type").asText(""),
                query,
                DatasourceRef.of(node.get("datasource")),
                current,
                options,
                node.path("multi").asBoolean(false),
                node.path("includeAll").asBoolean(false),
                node);
    }

    private static List<String> values(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    /** Grafana's {@code text : value} form of one custom option (spaces around the colon required). */
    private static final java.util.regex.Pattern TEXT_VALUE = java.util.regex.Pattern.compile("^\\s?(.+)\\s:\\s(.+)$");
    /** Custom options are separated by commas; {@code \\,} is a comma inside a value. */
    private static final java.util.regex.Pattern CUSTOM_OPTION = java.util.regex.Pattern.compile("(?:\\\\,|[^,])+");

    /**
     * Every value the variable is known to take: the options of a custom or constant variable (from
     * {@code options}, else parsed from its query as Grafana does), and the current value of any variable;
     * without All and empty values, each once.
     */
    public List<String> knownValues() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (type.equals("custom") || type.equals("constant")) {
            if (!options.isEmpty()) {
                out.addAll(options);
            } else if (type.equals("constant")) {
                out.add(query);
            } else {
                java.util.regex.Matcher m = CUSTOM_OPTION.matcher(query);
                while (m.find()) {
                    String option = m.group().replace("\\,", ",");
                    java.util.regex.Matcher tv = TEXT_VALUE.matcher(option);
                    out.add(tv.matches() ? tv.group(2).trim() : option.trim());
                }
            }
        }
        if (!type.equals("datasource")) {
            out.addAll(current);
        }
        out.removeIf(v -> v.isEmpty() || v.equals("$__all"));
        return List.copyOf(out);
    }

    /** The values a query would see: the current selection, else the first option, else the first custom value. */
    public List<String> effectiveValues() {
        if (!current.isEmpty() && !(current.size() == 1 && current.get(0).isEmpty())) {
            return current;
        }
        if (!options.isEmpty()) {
            return List.of(options.get(0));
        }
        if ((type.equals("custom") || type.equals("interval") || type.equals("constant") || type.equals("textbox"))
                && !query.isBlank()) {
            int comma = query.indexOf(',');
            return List.of((comma < 0 ? query : query.substring(0, comma)).trim());
        }
        return List.of();
    }
}
