package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/**
 * Template variables between classic {@code templating.list} and v2 {@code variables}, by Grafana's
 * rules ({@code transformVariables} in {@code v1beta1_to_v2alpha1.go}, {@code convertVariablesToV1}
 * in {@code v2alpha1_to_v1beta1.go}, with v2beta1's {@code DataQuery} and {@code group}). A classic
 * type Grafana does not know (such as {@code "const"}) has no v2 form and is left out, as Grafana does.
 */
final class Variables {
    private Variables() {}

    /** classic {@code templating.list} → v2 {@code variables}. */
    static ArrayNode toV2(JsonNode classicDashboard) {
        ArrayNode out = Json.array();
        for (ObjectNode v : Trees.objects(Trees.object(classicDashboard, "templating"), "list")) {
            ObjectNode kind = variableToV2(v);
            if (kind != null) {
                out.add(kind);
            }
        }
        return out;
    }

    private static ObjectNode variableToV2(ObjectNode v) {
        String type = Trees.text(v, "type");
        ObjectNode kind = Json.object();
        ObjectNode spec = Json.object();
        spec.put("name", Trees.text(v, "name"));
        switch (type) {
            case "query" -> {
                kind.put("kind", "QueryVariable");
                DataQueries.Ref ds = resolve(v.get("datasource"), false);
                spec.set("current", current(v.get("current")));
                spec.put("refresh", Codes.VARIABLE_REFRESH.name(v.get("refresh")));
                spec.put("sort", Codes.VARIABLE_SORT.name(v.get("sort")));
                spec.put("regex", Trees.text(v, "regex"));
                Trees.copyNonEmptyText(v, "regexApplyTo", spec, "regexApplyTo");
                spec.set("query", DataQueries.dataQuery(ds, DataQueries.specOfQuery(v.get("query"))));
                JsonNode definition = v.get("definition");
                if (definition != null && definition.isTextual()) {
                    spec.put("definition", definition.asText());
                }
                selection(v, spec);
            }
            case "datasource" -> {
                kind.put("kind", "DatasourceVariable");
                JsonNode query = v.get("query");
                spec.put("pluginId", query != null && query.isTextual() ? query.asText() : Datasources.DEFAULT_TYPE);
                spec.put("refresh", Codes.VARIABLE_REFRESH.name(v.get("refresh")));
                spec.put("regex", Trees.text(v, "regex"));
                spec.set("current", current(v.get("current")));
                selection(v, spec);
            }
            case "custom" -> {
                kind.put("kind", "CustomVariable");
                spec.put("query", Trees.text(v, "query"));
                spec.set("current", current(v.get("current")));
                selection(v, spec);
                String format = Trees.text(v, "valuesFormat");
                if (format.equals("json") || format.equals("csv")) {
                    spec.put("valuesFormat", format);
                }
            }
            case "constant" -> {
                kind.put("kind", "ConstantVariable");
                JsonNode query = v.get("query");
                String text = query != null && query.isTextual() ? query.asText() : "";
                spec.put("query", text);
                JsonNode current = v.get("current");
                if (current != null && !current.isNull()) {
                    spec.set("current", current(current));
                } else {
                    ObjectNode c = spec.putObject("current");
                    c.put("text", text);
                    c.put("value", text);
                }
            }
            case "interval" -> {
                kind.put("kind", "IntervalVariable");
                spec.put("query", intervalQuery(v));
                spec.set("current", current(v.get("current")));
                spec.set("options", options(v.get("options")));
                spec.put("auto", Trees.bool(v, "auto", false));
                spec.put("auto_min", Trees.text(v, "auto_min"));
                spec.put("auto_count", Trees.integer(v, "auto_count", 0));
                // Grafana always refreshes interval variables on time range change
                spec.put("refresh", "onTimeRangeChanged");
            }
            case "textbox" -> {
                kind.put("kind", "TextVariable");
                spec.set("current", current(v.get("current")));
                spec.put("query", Trees.text(v, "query"));
            }
            case "switch" -> {
                kind.put("kind", "SwitchVariable");
                switchSpec(v, spec);
            }
            case "adhoc" -> {
                kind.put("kind", "AdhocVariable");
                groupAndDatasource(kind, resolve(v.get("datasource"), false));
                spec.set("baseFilters", filters(v.get("baseFilters")));
                spec.set("filters", filters(v.get("filters")));
                spec.set("defaultKeys", defaultKeys(v.get("defaultKeys")));
                spec.put("allowCustomValue", Trees.bool(v, "allowCustomValue", true));
            }
            case "groupby" -> {
                kind.put("kind", "GroupByVariable");
                groupAndDatasource(kind, resolve(v.get("datasource"), true));
                spec.set("current", current(v.get("current")));
                spec.set("options", options(v.get("options")));
                spec.put("multi", Trees.bool(v, "multi", false));
            }
            default -> {
                return null;
            }
        }
        Trees.copyNonEmptyText(v, "label", spec, "label");
        Trees.copyNonEmptyText(v, "description", spec, "description");
        spec.put("hide", Codes.VARIABLE_HIDE.name(v.get("hide")));
        spec.put("skipUrlSync", Trees.bool(v, "skipUrlSync", false));
        kind.set("spec", spec);
        return kind;
    }

    /** What a query, datasource or custom variable offers to choose from, and how. */
    private static void selection(ObjectNode v, ObjectNode spec) {
        spec.set("options", options(v.get("options")));
        spec.put("multi", Trees.bool(v, "multi", false));
        spec.put("includeAll", Trees.bool(v, "includeAll", false));
        Trees.copyNonEmptyText(v, "allValue", spec, "allValue");
        spec.put("allowCustomValue", Trees.bool(v, "allowCustomValue", true));
    }

    /** The datasource of a variable; the uid is kept only when it is given (as Grafana does). */
    private static DataQueries.Ref resolve(JsonNode datasource, boolean grafanaUid) {
        DataQueries.Ref ref = DataQueries.Ref.of(datasource);
        String type = ref.type();
        if (type.isEmpty() && (ref.uid().isEmpty() || !DataQueries.isVariable(ref.uid()))) {
            type = Datasources.typeOf(ref.uid());
        }
        String uid = grafanaUid ? Datasources.grafanaUid(type, ref.uid()) : ref.uid();
        return new DataQueries.Ref(type, uid);
    }

    private static void groupAndDatasource(ObjectNode kind, DataQueries.Ref ds) {
        kind.put("group", ds.type());
        if (!ds.uid().isEmpty()) {
            kind.putObject("datasource").put("name", ds.uid());
        }
    }

    private static String intervalQuery(ObjectNode v) {
        String query = Trees.text(v, "query");
        if (!query.isEmpty()) {
            return query;
        }
        // a missing query is rebuilt from the options, as Grafana's frontend does
        StringBuilder sb = new StringBuilder();
        for (ObjectNode o : Trees.objects(v, "options")) {
            String value = o.has("value") ? Trees.text(o, "value") : Trees.text(o, "text");
            if (!value.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : ",").append(value);
            }
        }
        return sb.toString();
    }

    private static void switchSpec(ObjectNode v, ObjectNode spec) {
        String enabled = "true";
        String disabled = "false";
        var options = Trees.objects(v, "options");
        if (!options.isEmpty() && !optionValue(options.get(0)).isEmpty()) {
            enabled = optionValue(options.get(0));
        }
        if (options.size() > 1 && !optionValue(options.get(1)).isEmpty()) {
            disabled = optionValue(options.get(1));
        }
        ObjectNode current = Trees.object(v, "current");
        String value = current == null ? "" : optionValue(current);
        spec.put("current", value.isEmpty() ? disabled : value);
        spec.put("enabledValue", enabled);
        spec.put("disabledValue", disabled);
    }

    private static String optionValue(ObjectNode option) {
        String value = Trees.text(option, "value");
        return value.isEmpty() ? Trees.text(option, "text") : value;
    }

    /** {@code current} without {@code selected}; text and value are a string or a list of strings. */
    private static ObjectNode current(JsonNode current) {
        ObjectNode c = Json.object();
        c.set("text", stringOrStrings(current == null ? null : current.get("text")));
        c.set("value", stringOrStrings(current == null ? null : current.get("value")));
        return c;
    }

    private static ArrayNode options(JsonNode options) {
        ArrayNode out = Json.array();
        if (options != null && options.isArray()) {
            for (JsonNode o : options) {
                if (o.isObject()) {
                    ObjectNode opt = out.addObject();
                    opt.put("selected", Trees.bool(o, "selected", false));
                    opt.set("text", stringOrStrings(o.get("text")));
                    opt.set("value", stringOrStrings(o.get("value")));
                }
            }
        }
        return out;
    }

    private static JsonNode stringOrStrings(JsonNode v) {
        if (v == null) {
            return Json.MAPPER.getNodeFactory().textNode("");
        }
        if (v.isTextual()) {
            return v.deepCopy();
        }
        if (v.isArray()) {
            ArrayNode a = Json.array();
            v.forEach(e -> {
                if (e.isTextual()) {
                    a.add(e.asText());
                }
            });
            return a;
        }
        return Json.MAPPER.getNodeFactory().textNode(Trees.text(v, DataQueries.LEGACY_STRING_VALUE));
    }

    private static ArrayNode filters(JsonNode filters) {
        ArrayNode out = Json.array();
        if (filters == null || !filters.isArray()) {
            return out;
        }
        for (JsonNode f : filters) {
            if (!f.isObject()) {
                continue;
            }
            JsonNode origin = f.get("origin");
            if (origin != null && !"dashboard".equals(origin.asText(null))) {
                continue;
            }
            ObjectNode filter = out.addObject();
            filter.put("key", Trees.text(f, "key"));
            filter.put("operator", Trees.text(f, "operator", "="));
            filter.put("value", Trees.text(f, "value"));
            Trees.copyNonEmptyText(f, "keyLabel", filter, "keyLabel");
            Trees.copyNonEmptyText(f, "condition", filter, "condition");
            ArrayNode values = Trees.strings(f, "values");
            if (!values.isEmpty()) {
                filter.set("values", values);
            }
            ArrayNode labels = Trees.strings(f, "valueLabels");
            if (!labels.isEmpty()) {
                filter.set("valueLabels", labels);
            }
        }
        return out;
    }

    private static ArrayNode defaultKeys(JsonNode keys) {
        ArrayNode out = Json.array();
        if (keys == null || !keys.isArray()) {
            return out;
        }
        for (JsonNode k : keys) {
            String text = k.isTextual() ? k.asText() : Trees.text(k, "text");
            if (k.isTextual() || !text.isEmpty()) {
                ObjectNode key = out.addObject();
                key.put("text", text);
                key.put("value", text);
            }
        }
        return out;
    }

    /** v2 {@code variables} → classic {@code templating.list}. */
    static ArrayNode toClassic(JsonNode variables) {
        ArrayNode out = Json.array();
        if (variables == null || !variables.isArray()) {
            return out;
        }
        for (JsonNode kind : variables) {
            ObjectNode v = variableToClassic(kind);
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private static ObjectNode variableToClassic(JsonNode kind) {
        JsonNode spec = kind.path("spec");
        ObjectNode v = Json.object();
        v.put("name", Trees.text(spec, "name"));
        String k = Trees.text(kind, "kind");
        switch (k) {
            case "QueryVariable" -> {
                v.put("type", "query");
                multiAndAll(spec, v);
                v.put("refresh", Codes.VARIABLE_REFRESH.code(Trees.text(spec, "refresh")));
                v.put("sort", Codes.VARIABLE_SORT.code(Trees.text(spec, "sort")));
                v.put("regex", Trees.text(spec, "regex"));
                currentAndOptions(spec, v, true);
                Trees.copy(spec, "allValue", v, "allValue");
                Trees.copy(spec, "definition", v, "definition");
                Trees.copy(spec, "regexApplyTo", v, "regexApplyTo");
                v.put("allowCustomValue", Trees.bool(spec, "allowCustomValue", true));
                JsonNode query = spec.path("query");
                v.set("query", DataQueries.queryOfSpec(query.get("spec")));
                putDatasource(v, DataQueries.refOf(query));
            }
            case "DatasourceVariable" -> {
                v.put("type", "datasource");
                multiAndAll(spec, v);
                v.put("refresh", Codes.VARIABLE_REFRESH.code(Trees.text(spec, "refresh")));
                v.put("regex", Trees.text(spec, "regex"));
                v.put("query", Trees.text(spec, "pluginId"));
                currentAndOptions(spec, v, true);
                Trees.copy(spec, "allValue", v, "allValue");
                v.put("allowCustomValue", Trees.bool(spec, "allowCustomValue", true));
            }
            case "CustomVariable" -> {
                v.put("type", "custom");
                multiAndAll(spec, v);
                v.put("query", Trees.text(spec, "query"));
                currentAndOptions(spec, v, true);
                Trees.copy(spec, "allValue", v, "allValue");
                Trees.copy(spec, "valuesFormat", v, "valuesFormat");
                v.put("allowCustomValue", Trees.bool(spec, "allowCustomValue", true));
            }
            case "ConstantVariable" -> {
                v.put("type", "constant");
                v.put("query", Trees.text(spec, "query"));
                currentAndOptions(spec, v, false);
            }
            case "IntervalVariable" -> {
                v.put("type", "interval");
                v.put("query", Trees.text(spec, "query"));
                v.put("auto", Trees.bool(spec, "auto", false));
                v.put("auto_min", Trees.text(spec, "auto_min"));
                v.put("auto_count", Trees.integer(spec, "auto_count", 0));
                v.put("refresh", Codes.VARIABLE_REFRESH.code(Trees.text(spec, "refresh", "onTimeRangeChanged")));
                currentAndOptions(spec, v, true);
            }
            case "TextVariable" -> {
                v.put("type", "textbox");
                v.put("query", Trees.text(spec, "query"));
                currentAndOptions(spec, v, false);
            }
            case "GroupByVariable" -> {
                v.put("type", "groupby");
                v.put("multi", Trees.bool(spec, "multi", false));
                currentAndOptions(spec, v, true);
                putDatasource(v, DataQueries.refOf(kind));
            }
            case "AdhocVariable" -> {
                v.put("type", "adhoc");
                v.put("allowCustomValue", Trees.bool(spec, "allowCustomValue", true));
                putDatasource(v, DataQueries.refOf(kind));
                for (String f : new String[] {"filters", "baseFilters", "defaultKeys"}) {
                    ArrayNode a = Trees.array(spec, f);
                    if (a != null && !a.isEmpty()) {
                        v.set(f, a.deepCopy());
                    }
                }
            }
            case "SwitchVariable" -> {
                v.put("type", "switch");
                v.put("query", "");
                String current = Trees.text(spec, "current");
                String enabled = Trees.text(spec, "enabledValue");
                String disabled = Trees.text(spec, "disabledValue");
                v.putObject("current").put("text", current).put("value", current);
                ArrayNode options = v.putArray("options");
                options.addObject().put("text", enabled).put("value", enabled).put("selected", current.equals(enabled));
                options.addObject()
                        .put("text", disabled)
                        .put("value", disabled)
                        .put("selected", current.equals(disabled));
            }
            default -> {
                return null;
            }
        }
        // Grafana: a constant must stay hidden in classic, or the dashboard migrator turns it into a textbox
        v.put("hide", k.equals("ConstantVariable") ? 2 : Codes.VARIABLE_HIDE.code(Trees.text(spec, "hide")));
        v.put("skipUrlSync", Trees.bool(spec, "skipUrlSync", false));
        Trees.copy(spec, "label", v, "label");
        Trees.copy(spec, "description", v, "description");
        return v;
    }

    private static void multiAndAll(JsonNode spec, ObjectNode v) {
        v.put("multi", Trees.bool(spec, "multi", false));
        v.put("includeAll", Trees.bool(spec, "includeAll", false));
    }

    private static void currentAndOptions(JsonNode spec, ObjectNode v, boolean withOptions) {
        ObjectNode current = v.putObject("current");
        current.set("text", classicValue(spec.path("current").get("text")));
        current.set("value", classicValue(spec.path("current").get("value")));
        if (withOptions) {
            ArrayNode options = v.putArray("options");
            for (ObjectNode o : Trees.objects(spec, "options")) {
                ObjectNode opt = options.addObject();
                opt.set("text", classicValue(o.get("text")));
                opt.set("value", classicValue(o.get("value")));
                Trees.copy(o, "selected", opt, "selected");
            }
        }
    }

    /** Grafana writes an empty list back as {@code ""}. */
    private static JsonNode classicValue(JsonNode v) {
        if (v == null || (v.isArray() && v.isEmpty()) || !(v.isTextual() || v.isArray())) {
            return Json.MAPPER.getNodeFactory().textNode("");
        }
        return v.deepCopy();
    }

    private static void putDatasource(ObjectNode v, DataQueries.Ref ref) {
        ObjectNode ds = DataQueries.classicDatasource(ref);
        if (ds != null) {
            v.set("datasource", ds);
        }
    }
}
