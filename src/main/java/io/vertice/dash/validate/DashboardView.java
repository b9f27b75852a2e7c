package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.model.DatasourceRef;
import io.vertice.dash.promql.Dialect;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A read-only view of any classic Grafana dashboard (as {@link DashboardDocument#classic()} gives it,
 * whatever shape it was read in): current schemas (panels and row panels, collapsed rows keeping their
 * panels inside) and pre-v16 ones ({@code rows[].panels}).
 */
public final class DashboardView {
    /** Grafana's Prometheus variable queries that hold PromQL: {@code label_values(EXPR, LABEL)}, {@code query_result(EXPR)}. */
    private static final Pattern LABEL_VALUES =
            Pattern.compile("^\\s*label_values\\(\\s*(.+),\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*$", Pattern.DOTALL);

    private static final Pattern QUERY_RESULT = Pattern.compile("^\\s*query_result\\(\\s*(.+)\\)\\s*$", Pattern.DOTALL);

    private final String file;
    private final JsonNode json;
    private final String title;
    private final String uid;
    private final List<PanelView> panels;
    private final Map<String, VariableView> variables;
    private final List<AnnotationView> annotations;
    private final List<QueryView> queries;
    private final Map<String, io.vertice.dash.promql.ParsedQuery> parsedByText = new java.util.HashMap<>();
    private final Set<String> importInputs;
    private final boolean writtenForVictoriaMetrics;
    private final Map<String, Dialect> dialects;

    private DashboardView(String file, JsonNode json, Map<String, Dialect> dialects) {
        this.file = file;
        this.json = json;
        this.dialects = dialects;
        this.uid = json.path("uid").asText("");
        String t = json.path("title").asText("");
        this.title = t.isBlank() ? (uid.isBlank() ? "untitled dashboard" : uid) : t;
        this.panels = Collections.unmodifiableList(readPanels(json));
        Map<String, VariableView> vars = new LinkedHashMap<>();
        for (JsonNode v : json.path("templating").path("list")) {
            if (v.isObject()) {
                VariableView view = VariableView.of(v);
                vars.putIfAbsent(view.name(), view);
            }
        }
        this.variables = Collections.unmodifiableMap(vars);
        List<AnnotationView> anns = new ArrayList<>();
        for (JsonNode a : json.path("annotations").path("list")) {
            if (a.isObject()) {
                anns.add(AnnotationView.of(a));
            }
        }
        this.annotations = List.copyOf(anns);
        Set<String> inputs = new LinkedHashSet<>();
        for (JsonNode i : json.path("__inputs")) {
            if (i.hasNonNull("name")) {
                inputs.add(i.get("name").asText());
            }
        }
        this.importInputs = Collections.unmodifiableSet(inputs);
        this.writtenForVictoriaMetrics = mentionsVictoriaMetrics(json, panels, variables);
        this.queries = List.copyOf(readQueries());
        for (QueryView q : queries) {
            if (q.parsed() != null) {
                parsedByText.putIfAbsent(q.expr(), q.parsed());
            }
        }
    }

    /** The view of a dashboard; a v2 one is seen through its classic form. */
    public static DashboardView of(DashboardDocument document) {
        return of(document, Map.of());
    }

    /** As {@link #of(DashboardDocument)}, with the query dialect of some datasources (by uid or name) configured. */
    public static DashboardView of(DashboardDocument document, Map<String, Dialect> dialects) {
        return new DashboardView(document.origin(), document.classic(), dialects);
    }

    private static List<PanelView> readPanels(JsonNode root) {
        List<PanelView> out = new ArrayList<>();
        int layout = 0;
        PanelView openRow = null; // an expanded row holds the top-level panels after it, up to the next row
        for (JsonNode p : root.path("panels")) {
            if (!p.isObject() || p.has("repeatPanelId")) {
                continue; // clones Grafana made for a repeat; the original is checked
            }
            PanelView panel = openRow == null
                    ? PanelView.of(p, 0, null, null, false)
                    : PanelView.of(p, 0, openRow.label(), openRow.repeat(), false);
            if (panel.isRow()) {
                panel = PanelView.of(p, 0, null, null, false);
                openRow = panel;
            }
            out.add(panel);
            JsonNode inner = p.get("panels");
            if (panel.isRow() && inner != null && inner.isArray() && !inner.isEmpty()) {
                layout++; // a collapsed row keeps its panels with positions of their own grid
                for (JsonNode c : inner) {
                    if (c.isObject() && !c.has("repeatPanelId")) {
                        out.add(PanelView.of(c, layout, panel.label(), panel.repeat(), false));
                    }
                }
            }
        }
        for (JsonNode r : root.path("rows")) { // schema < 16: Grafana lays the panels out from span and height
            layout++;
            String rowTitle = r.path("title").asText("row " + layout);
            for (JsonNode c : r.path("panels")) {
                if (c.isObject() && !c.has("repeatPanelId")) {
                    out.add(PanelView.of(c, layout, rowTitle, PanelView.repeatOf(r), true));
                }
            }
        }
        return out;
    }

    private List<QueryView> readQueries() {
        List<QueryView> out = new ArrayList<>();
        for (PanelView p : panels) {
            if (p.isRow()) {
                continue;
            }
            for (TargetView t : p.targets()) {
                if (t.expr() == null || t.expr().isBlank()) {
                    continue; // Grafana never sends an empty query
                }
                DatasourceRef ds =
                        t.datasource() != null && !t.datasource().isSpecial() ? t.datasource() : p.datasource();
                if (ds != null && ds.isSpecial() && t.datasource() == null) {
                    ds = null; // mixed panel, target without its own datasource: the default one
                }
                if (!isPrometheus(ds)) {
                    continue;
                }
                out.add(QueryView.of(
                        p,
                        null,
                        p.label(),
                        t.refId(),
                        t.expr(),
                        t.legendFormat() == null ? List.of() : List.of(t.legendFormat()),
                        t.hidden(),
                        variables,
                        QueryDialect.of(this, ds, dialects)));
            }
        }
        for (AnnotationView a : annotations) {
            if (a.builtIn() || a.expr() == null || a.expr().isBlank() || !isPrometheus(a.datasource())) {
                continue;
            }
            List<String> templates = new ArrayList<>();
            if (a.titleFormat() != null) {
                templates.add(a.titleFormat());
            }
            if (a.textFormat() != null) {
                templates.add(a.textFormat());
            }
            out.add(QueryView.of(
                    null,
                    a,
                    "annotation " + a.name(),
                    null,
                    a.expr(),
                    templates,
                    !a.enabled(),
                    variables,
                    QueryDialect.of(this, a.datasource(), dialects)));
        }
        for (VariableView v : variables.values()) {
            if (!v.type().equals("query") || !isPrometheus(v.datasource())) {
                continue;
            }
            Matcher labelValues = LABEL_VALUES.matcher(v.query());
            Matcher queryResult = QUERY_RESULT.matcher(v.query());
            if (labelValues.matches()) {
                out.add(QueryView.ofVariable(
                        v,
                        labelValues.group(1).trim(),
                        labelValues.group(2),
                        variables,
                        QueryDialect.of(this, v.datasource(), dialects)));
            } else if (queryResult.matches()) {
                out.add(QueryView.ofVariable(
                        v,
                        queryResult.group(1).trim(),
                        null,
                        variables,
                        QueryDialect.of(this, v.datasource(), dialects)));
            }
        }
        return out;
    }

    /**
     * Whether the dashboard says it is written for VictoriaMetrics: a datasource of a VictoriaMetrics plugin
     * anywhere in it, or VictoriaMetrics in its tags or title.
     */
    public boolean writtenForVictoriaMetrics() {
        return writtenForVictoriaMetrics;
    }

    private static boolean mentionsVictoriaMetrics(
            JsonNode dashboard, List<PanelView> panels, Map<String, VariableView> variables) {
        if (victoriaMetrics(dashboard.path("title").asText(""))) {
            return true;
        }
        for (JsonNode tag : dashboard.path("tags")) {
            if (victoriaMetrics(tag.asText(""))) {
                return true;
            }
        }
        for (PanelView p : panels) {
            if (victoriaMetrics(p.datasource())
                    || p.targets().stream().anyMatch(t -> victoriaMetrics(t.datasource()))) {
                return true;
            }
        }
        for (VariableView v : variables.values()) { // a datasource variable's query is its plugin type
            if (victoriaMetrics(v.datasource()) || (v.type().equals("datasource") && victoriaMetrics(v.query()))) {
                return true;
            }
        }
        for (JsonNode a : dashboard.path("annotations").path("list")) {
            if (victoriaMetrics(a.path("datasource").path("type").asText(""))) {
                return true;
            }
        }
        return false;
    }

    /** victoriametrics-datasource, victoriametrics-metrics-datasource, "VictoriaMetrics". */
    private static boolean victoriaMetrics(String text) {
        return text.toLowerCase(Locale.ROOT).contains("victoriametrics");
    }

    private static boolean victoriaMetrics(DatasourceRef ds) {
        return ds != null && ds.type() != null && victoriaMetrics(ds.type());
    }

    /** Whether a datasource is Prometheus-compatible; unknown (default, legacy name) counts as yes. */
    public boolean isPrometheus(DatasourceRef ds) {
        String type = datasourceType(ds);
        return type == null || type.toLowerCase(Locale.ROOT).contains("prometheus");
    }

    /** The plugin type behind a reference, following a datasource variable; null when unknown. */
    public String datasourceType(DatasourceRef ds) {
        if (ds == null) {
            return null;
        }
        if (ds.type() != null && !ds.type().equals("datasource")) {
            return ds.type();
        }
        String var = ds.variableName();
        if (var != null
                && variables.containsKey(var)
                && variables.get(var).type().equals("datasource")) {
            String q = variables.get(var).query();
            return q.isBlank() ? null : q;
        }
        return null;
    }

    public String file() {
        return file;
    }

    /** The dashboard object (unwrapped from an API response). */
    public JsonNode json() {
        return json;
    }

    /** The title, or the uid when untitled. */
    public String title() {
        return title;
    }

    public String uid() {
        return uid;
    }

    /** Every panel in document order: rows, panels, and the panels inside collapsed rows after their row. */
    public List<PanelView> panels() {
        return panels;
    }

    /** Variables by name, in the dashboard's order. */
    public Map<String, VariableView> variables() {
        return variables;
    }

    /**
     * The names a dashboard exported "for sharing externally" declares in {@code __inputs} ({@code DS_PROMETHEUS}):
     * Grafana asks for them on import and replaces every {@code ${NAME}} before the dashboard is saved.
     */
    public Set<String> importInputs() {
        return importInputs;
    }

    public List<AnnotationView> annotations() {
        return annotations;
    }

    /** Every PromQL query: Prometheus targets of every panel, Prometheus annotations, then query variables' PromQL. */
    public List<QueryView> queries() {
        return queries;
    }

    /** The parse of a query text of this dashboard, or null when no query has this text or it did not parse. */
    public io.vertice.dash.promql.ParsedQuery parsed(String expr) {
        return parsedByText.get(expr);
    }

    /** The datasource variables of the dashboard, in order. */
    public List<VariableView> datasourceVariables() {
        return variables.values().stream()
                .filter(v -> v.type().equals("datasource"))
                .toList();
    }
}
