package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One classic panel ↔ one v2 element ({@code Panel} or {@code LibraryPanel}), by Grafana's rules
 * ({@code buildElement}, {@code transformSingleQuery}, {@code buildVizConfig};
 * {@code convertPanelKindToV1}, {@code convertPanelQueryToV1}). Placement is not here: the layout
 * owns it ({@link ClassicToV2}, {@link V2ToClassic}).
 */
final class PanelElements {
    /** Panel fields of Grafana's classic schema; anything else is an old (Angular) option. */
    private static final Set<String> KNOWN = Set.of(
            "type",
            "id",
            "pluginVersion",
            "targets",
            "title",
            "description",
            "transparent",
            "datasource",
            "gridPos",
            "links",
            "repeat",
            "repeatDirection",
            "maxPerRow",
            "maxDataPoints",
            "transformations",
            "interval",
            "timeFrom",
            "timeShift",
            "hideTimeOverride",
            "timeCompare",
            "libraryPanel",
            "cacheTimeout",
            "queryCachingTTL",
            "options",
            "fieldConfig",
            "autoMigrateFrom");
    /** Angular panel types and the plugin Grafana migrates each to. */
    private static final Map<String, String> ANGULAR = Map.of(
            "singlestat",
            "stat",
            "grafana-singlestat-panel",
            "stat",
            "table-old",
            "table",
            "grafana-piechart-panel",
            "piechart",
            "grafana-worldmap-panel",
            "geomap",
            "natel-discrete-panel",
            "state-timeline");

    private static final String MIXED_UID = "-- Mixed --";

    private PanelElements() {}

    /** The element name Grafana gives a classic panel. */
    static String elementName(JsonNode panel) {
        return "panel-" + Trees.integer(panel, "id", 0);
    }

    static ObjectNode toV2(ObjectNode panel, SchemaVersion version) {
        ObjectNode element = Json.object();
        ObjectNode library = Trees.object(panel, "libraryPanel");
        if (library != null) {
            element.put("kind", "LibraryPanel");
            ObjectNode spec = element.putObject("spec");
            spec.put("id", Trees.integer(panel, "id", 0));
            spec.put("title", Trees.text(panel, "title"));
            ObjectNode ref = spec.putObject("libraryPanel");
            ref.put("name", Trees.text(library, "name"));
            ref.put("uid", Trees.text(library, "uid"));
            return element;
        }
        element.put("kind", "Panel");
        ObjectNode spec = element.putObject("spec");
        spec.put("id", Trees.integer(panel, "id", 0));
        spec.put("title", Trees.text(panel, "title"));
        spec.put("description", Trees.text(panel, "description"));
        ArrayNode links = spec.putArray("links");
        for (ObjectNode l : Trees.objects(panel, "links")) {
            ObjectNode link = links.addObject();
            link.put("title", Trees.text(l, "title"));
            link.put("url", Trees.text(l, "url"));
            if (l.has("targetBlank")) {
                link.put("targetBlank", Trees.bool(l, "targetBlank", false));
            }
        }
        ObjectNode data = spec.putObject("data");
        data.put("kind", "QueryGroup");
        ObjectNode group = data.putObject("spec");
        group.set("queries", queries(panel));
        group.set("transformations", Transformations.toV2(Trees.array(panel, "transformations"), version));
        group.set("queryOptions", queryOptions(panel));
        spec.set("vizConfig", vizConfig(panel));
        if (Trees.bool(panel, "transparent", false)) {
            spec.put("transparent", true);
        }
        return element;
    }

    private static ArrayNode queries(ObjectNode panel) {
        ArrayNode out = Json.array();
        List<ObjectNode> targets = Trees.objects(panel, "targets");
        if (Trees.array(panel, "targets") == null) {
            return out;
        }
        DataQueries.Ref panelDs = panelDatasource(panel.get("datasource"));
        Set<String> used = new HashSet<>();
        targets.forEach(t -> used.add(Trees.text(t, "refId")));
        for (ObjectNode t : targets) {
            String refId = Trees.text(t, "refId");
            if (refId.isEmpty()) {
                refId = nextRefId(used);
                used.add(refId);
            }
            DataQueries.Ref ds = DataQueries.Ref.of(t.get("datasource"));
            if (!ds.isEmpty()) {
                String type = ds.type();
                if (!ds.uid().isEmpty() && type.isEmpty() && !DataQueries.isVariable(ds.uid())) {
                    type = Datasources.typeOf(ds.uid());
                }
                ds = new DataQueries.Ref(type, Datasources.grafanaUid(type, ds.uid()));
            }
            if (ds.isEmpty() && panelDs != null) {
                // a query without its own datasource uses the panel's, unless the panel is mixed
                if (!panelDs.uid().isEmpty() && !panelDs.uid().equals(MIXED_UID)) {
                    ds = panelDs;
                } else if (panelDs.type().equals("datasource")) {
                    ds = new DataQueries.Ref("datasource", Datasources.GRAFANA_UID);
                }
            }
            ObjectNode spec = Json.object();
            t.properties().forEach(e -> {
                if (!Set.of("refId", "hide", "datasource").contains(e.getKey())) {
                    spec.set(e.getKey(), e.getValue().deepCopy());
                }
            });
            ObjectNode q = out.addObject();
            q.put("kind", "PanelQuery");
            ObjectNode qs = q.putObject("spec");
            qs.set("query", DataQueries.dataQuery(ds, spec));
            qs.put("refId", refId);
            qs.put("hidden", Trees.bool(t, "hide", false));
        }
        return out;
    }

    /** The panel's datasource as Grafana resolves it for its queries; null when there is none. */
    private static DataQueries.Ref panelDatasource(JsonNode datasource) {
        if (datasource == null || !datasource.isObject()) {
            return null;
        }
        DataQueries.Ref ds = DataQueries.Ref.of(datasource);
        if (ds.isEmpty()) {
            return null;
        }
        String type = ds.type();
        if (!ds.uid().isEmpty() && type.isEmpty() && !DataQueries.isVariable(ds.uid())) {
            type = Datasources.typeOf(ds.uid());
        }
        return new DataQueries.Ref(type, Datasources.grafanaUid(type, ds.uid()));
    }

    /** A, B, ..., Z, AA, AB, ...: the first refId not used yet, as Grafana's frontend picks it. */
    private static String nextRefId(Set<String> used) {
        for (int i = 0; ; i++) {
            String id = refId(i);
            if (!used.contains(id)) {
                return id;
            }
        }
    }

    private static String refId(int n) {
        String letter = String.valueOf((char) ('A' + n % 26));
        return n < 26 ? letter : refId(n / 26 - 1) + letter;
    }

    private static ObjectNode queryOptions(ObjectNode panel) {
        ObjectNode o = Json.object();
        Trees.copyNonEmptyText(panel, "cacheTimeout", o, "cacheTimeout");
        long maxDataPoints = Trees.integer(panel, "maxDataPoints", 0);
        if (maxDataPoints > 0) {
            o.put("maxDataPoints", maxDataPoints);
        }
        Trees.copyNonEmptyText(panel, "interval", o, "interval");
        if (Trees.bool(panel, "hideTimeOverride", false)) {
            o.put("hideTimeOverride", true);
        }
        JsonNode ttl = panel.get("queryCachingTTL");
        if (ttl != null && (ttl.isNumber() || (ttl.isTextual() && ttl.asText().matches("-?\\d+")))) {
            o.put("queryCachingTTL", ttl.isNumber() ? ttl.asLong() : Long.parseLong(ttl.asText()));
        }
        Trees.copyNonEmptyText(panel, "timeFrom", o, "timeFrom");
        Trees.copyNonEmptyText(panel, "timeShift", o, "timeShift");
        return o;
    }

    private static ObjectNode vizConfig(ObjectNode panel) {
        String type = Trees.text(panel, "type", "timeseries");
        ObjectNode options = Json.object();
        ObjectNode in = Trees.object(panel, "options");
        if (in != null) {
            options.setAll(in.deepCopy());
        }
        if (options.get("legend") instanceof ObjectNode legend) {
            // Grafana's frontend shows a legend unless told not to, and writes that down
            legend.put("showLegend", Trees.bool(legend, "showLegend", true));
        }
        String migrateFrom = Trees.text(panel, "autoMigrateFrom");
        ObjectNode original = Json.object();
        panel.properties().forEach(e -> {
            if (!KNOWN.contains(e.getKey())) {
                original.set(e.getKey(), e.getValue().deepCopy());
            }
        });
        if (migrateFrom.isEmpty()) {
            String modern = modernType(type, panel);
            if (modern != null) {
                migrateFrom = type;
                type = modern;
            } else if (!original.isEmpty()) {
                migrateFrom = type;
            }
        }
        if (!migrateFrom.isEmpty()) {
            ObjectNode angular = options.putObject("__angularMigration");
            angular.put("autoMigrateFrom", migrateFrom);
            angular.set("originalOptions", original);
        }
        ObjectNode viz = Json.object();
        viz.put("kind", "VizConfig");
        viz.put("group", type);
        viz.put("version", Trees.text(panel, "pluginVersion"));
        ObjectNode spec = viz.putObject("spec");
        spec.set("options", options);
        spec.set("fieldConfig", FieldConfigs.toV2(Trees.object(panel, "fieldConfig")));
        return viz;
    }

    /** The plugin an Angular panel type migrates to, or null (Grafana's GetAngularPanelMigration). */
    private static String modernType(String type, ObjectNode panel) {
        if (type.equals("graph") || type.equals("graphite")) {
            // a graph panel over series becomes a bar chart (a bar gauge with legend values), a histogram stays one
            String mode = Trees.text(Trees.object(panel, "xaxis"), "mode");
            if (mode.equals("series")) {
                return Trees.bool(Trees.object(panel, "legend"), "values", false) ? "bargauge" : "barchart";
            }
            return mode.equals("histogram") ? "histogram" : "timeseries";
        }
        return ANGULAR.get(type);
    }

    /** A v2 element → classic panel fields (without placement and repeat: the layout adds those). */
    static ObjectNode toClassic(JsonNode element, ObjectNode panel) {
        JsonNode spec = element.path("spec");
        panel.put("id", Trees.integer(spec, "id", 0));
        panel.put("title", Trees.text(spec, "title"));
        if (Trees.text(element, "kind").equals("LibraryPanel")) {
            panel.put("type", "library-panel-ref");
            ObjectNode ref = panel.putObject("libraryPanel");
            ref.put("uid", Trees.text(spec.path("libraryPanel"), "uid"));
            ref.put("name", Trees.text(spec.path("libraryPanel"), "name"));
            return panel;
        }
        JsonNode viz = spec.path("vizConfig");
        panel.put("type", Trees.text(viz, "group"));
        panel.put("pluginVersion", Trees.text(viz, "version"));
        if (!Trees.text(spec, "description").isEmpty()) {
            panel.put("description", Trees.text(spec, "description"));
        }
        ObjectNode options = Trees.object(viz.path("spec"), "options");
        if (options != null) {
            panel.set("options", options.deepCopy());
        }
        ObjectNode fieldConfig = FieldConfigs.toClassic(viz.path("spec").get("fieldConfig"));
        if (fieldConfig != null) {
            panel.set("fieldConfig", fieldConfig);
        }
        ArrayNode links = Trees.array(spec, "links");
        if (links != null && !links.isEmpty()) {
            ArrayNode l = panel.putArray("links");
            for (ObjectNode link : Trees.objects(spec, "links")) {
                ObjectNode c = l.addObject();
                c.put("title", Trees.text(link, "title"));
                c.put("url", Trees.text(link, "url"));
                Trees.copy(link, "targetBlank", c, "targetBlank");
            }
        }
        JsonNode group = spec.path("data").path("spec");
        ArrayNode targets = panel.putArray("targets");
        DataQueries.Ref shared = null;
        boolean mixed = false;
        for (ObjectNode q : Trees.objects(group, "queries")) {
            JsonNode qs = q.path("spec");
            JsonNode query = qs.path("query");
            ObjectNode target = targets.addObject();
            JsonNode querySpec = query.get("spec");
            if (querySpec != null && querySpec.isObject()) {
                querySpec.properties().forEach(e -> {
                    if (e.getKey().equals(DataQueries.LEGACY_STRING_VALUE)) {
                        if (e.getValue().isTextual()) {
                            target.put("query", e.getValue().asText());
                        }
                    } else {
                        target.set(e.getKey(), e.getValue().deepCopy());
                    }
                });
            }
            target.put("refId", Trees.text(qs, "refId"));
            if (Trees.bool(qs, "hidden", false)) {
                target.put("hide", true);
            }
            DataQueries.Ref ref = DataQueries.refOf(query);
            ObjectNode ds = DataQueries.classicDatasource(ref);
            if (ds != null) {
                target.set("datasource", ds);
            }
            if (shared == null) {
                shared = ref;
            } else if (!shared.equals(ref)) {
                mixed = true;
            }
        }
        if (mixed) {
            ObjectNode ds = panel.putObject("datasource");
            ds.put("type", "mixed");
            ds.put("uid", MIXED_UID);
        } else if (shared != null && DataQueries.classicDatasource(shared) != null) {
            // newer Grafana sets the panel's datasource when all its queries share one
            panel.set("datasource", DataQueries.classicDatasource(shared));
        }
        ArrayNode transformations = Transformations.toClassic(Trees.array(group, "transformations"));
        if (!transformations.isEmpty()) {
            panel.set("transformations", transformations);
        }
        JsonNode qo = group.path("queryOptions");
        for (String k : List.of(
                "cacheTimeout",
                "maxDataPoints",
                "interval",
                "hideTimeOverride",
                "queryCachingTTL",
                "timeFrom",
                "timeShift")) {
            Trees.copy(qo, k, panel, k);
        }
        if (spec.has("transparent")) {
            panel.put("transparent", Trees.bool(spec, "transparent", false));
        }
        return panel;
    }
}
