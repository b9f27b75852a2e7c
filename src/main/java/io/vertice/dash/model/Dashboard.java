package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A complete dashboard: settings, variables, annotations, links and the laid-out panels.
 * Build with {@link #builder(String, String)}; render with {@link #toJson()}.
 */
public record Dashboard(
        String uid,
        String title,
        String description,
        List<String> tags,
        String timezone,
        String timeFrom,
        String timeTo,
        String refresh,
        CursorSync cursorSync,
        List<Variable> variables,
        List<Annotation> annotations,
        List<Link> links,
        List<DashboardElement> elements) {

    /**
     * The dashboard JSON schema version dash writes. 39 is what Grafana 10.4 and 11.0-11.2 write
     * themselves; Grafana 11.3+ and 12 load it and migrate forward on the fly (40-42 only change
     * fields dash does not emit), so one file loads in 10.4, 11 and 12.
     */
    public static final int SCHEMA_VERSION = 39;

    /** Shared crosshair/tooltip between panels (Grafana's graphTooltip). */
    public enum CursorSync {
        OFF(0),
        CROSSHAIR(1),
        TOOLTIP(2);

        private final int code;

        CursorSync(int code) {
            this.code = code;
        }
    }

    public Dashboard {
        tags = List.copyOf(tags);
        variables = List.copyOf(variables);
        annotations = List.copyOf(annotations);
        links = List.copyOf(links);
        elements = List.copyOf(elements);
    }

    public static Builder builder(String uid, String title) {
        return new Builder(uid, title);
    }

    /** Every panel, in order, including those inside collapsed rows; row headers excluded. */
    public List<Panel> panels() {
        List<Panel> out = new ArrayList<>();
        for (DashboardElement e : elements) {
            if (e instanceof Panel p) {
                out.add(p);
            } else if (e instanceof Row r) {
                out.addAll(r.panels());
            }
        }
        return out;
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ObjectNode annotationsJson = n.putObject("annotations");
        ArrayNode list = annotationsJson.putArray("list");
        annotations.forEach(a -> list.add(a.toJson()));
        n.put("description", description);
        n.put("editable", true);
        n.put("fiscalYearStartMonth", 0);
        n.put("graphTooltip", cursorSync.code);
        ArrayNode linksJson = n.putArray("links");
        links.forEach(l -> linksJson.add(l.toJson()));
        n.put("liveNow", false);
        ArrayNode panelsJson = n.putArray("panels");
        elements.forEach(e -> panelsJson.add(e.toJson()));
        n.put("refresh", refresh);
        n.put("schemaVersion", SCHEMA_VERSION);
        ArrayNode tagsJson = n.putArray("tags");
        tags.forEach(tagsJson::add);
        ArrayNode vars = n.putObject("templating").putArray("list");
        variables.forEach(v -> vars.add(v.toJson()));
        ObjectNode time = n.putObject("time");
        time.put("from", timeFrom);
        time.put("to", timeTo);
        n.putObject("timepicker");
        n.put("timezone", timezone);
        n.put("title", title);
        n.put("uid", uid);
        n.put("weekStart", "");
        return n;
    }

    /**
     * Builds a dashboard top to bottom. Panels flow left to right on the 24-column grid and wrap
     * when the next one does not fit; a row starts on a new line. Ids are numbered in order, so
     * they stay stable as long as the order does.
     */
    public static final class Builder {
        private final String uid;
        private final String title;
        private String description = "";
        private final List<String> tags = new ArrayList<>();
        private String timezone = "browser";
        private String timeFrom = "now-1h";
        private String timeTo = "now";
        private String refresh = "30s";
        private CursorSync cursorSync = CursorSync.CROSSHAIR;
        private final List<Variable> variables = new ArrayList<>();
        private final List<Annotation> annotations = new ArrayList<>(List.of(new Annotation.BuiltIn()));
        private final List<Link> links = new ArrayList<>();
        private final List<DashboardElement> elements = new ArrayList<>();
        private final Layout layout = new Layout();

        private Builder(String uid, String title) {
            if (uid == null || uid.isEmpty() || uid.length() > 40 || !uid.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException(
                        "dashboard uid must be 1-40 characters of letters, digits, - and _: " + uid);
            }
            this.uid = uid;
            this.title = title;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        public Builder tags(String... t) {
            tags.addAll(List.of(t));
            return this;
        }

        /** "browser", "utc" or an IANA zone. */
        public Builder timezone(String tz) {
            this.timezone = tz;
            return this;
        }

        /** Default time range, e.g. ("now-6h", "now"). */
        public Builder time(String from, String to) {
            this.timeFrom = from;
            this.timeTo = to;
            return this;
        }

        /** Auto-refresh interval, e.g. "30s"; "" for none. */
        public Builder refresh(String interval) {
            this.refresh = interval;
            return this;
        }

        public Builder cursorSync(CursorSync sync) {
            this.cursorSync = sync;
            return this;
        }

        public Builder variables(List<Variable> vs) {
            variables.addAll(vs);
            return this;
        }

        public Builder variable(Variable v) {
            variables.add(v);
            return this;
        }

        public Builder annotation(Annotation a) {
            annotations.add(a);
            return this;
        }

        public Builder link(Link l) {
            links.add(l);
            return this;
        }

        /** A panel outside any row (before the first row). */
        public Builder panel(PanelBuilder<?> panel) {
            elements.add(layout.place(panel.build()));
            return this;
        }

        /** An expanded row: its header, then the panels added in {@code content}. */
        public Builder row(String rowTitle, Consumer<RowContent> content) {
            elements.add(new Row(layout.nextId(), layout.rowHeader(), rowTitle, false, List.of()));
            RowContent rc = new RowContent();
            content.accept(rc);
            rc.specs.forEach(spec -> elements.add(layout.place(spec)));
            return this;
        }

        /** A collapsed row: its panels are stored inside it and shown when the reader opens it. */
        public Builder collapsedRow(String rowTitle, Consumer<RowContent> content) {
            int rowId = layout.nextId();
            GridPos header = layout.rowHeader();
            RowContent rc = new RowContent();
            content.accept(rc);
            Layout inner = layout.fork();
            List<Panel> panels = new ArrayList<>();
            rc.specs.forEach(spec -> panels.add(inner.place(spec)));
            layout.adoptIds(inner);
            elements.add(new Row(rowId, header, rowTitle, true, panels));
            return this;
        }

        public Dashboard build() {
            return new Dashboard(
                    uid,
                    title,
                    description,
                    tags,
                    timezone,
                    timeFrom,
                    timeTo,
                    refresh,
                    cursorSync,
                    variables,
                    annotations,
                    links,
                    elements);
        }
    }

    /** The panels of one row, in reading order. */
    public static final class RowContent {
        private final List<PanelSpec> specs = new ArrayList<>();

        public RowContent add(PanelBuilder<?> panel) {
            specs.add(panel.build());
            return this;
        }
    }

    /** Flow layout on the grid; never overlaps because each line starts below the tallest panel above. */
    private static final class Layout {
        private int nextId = 1;
        private int x;
        private int y;
        private int lineHeight;

        int nextId() {
            return nextId++;
        }

        GridPos rowHeader() {
            newLine();
            GridPos pos = new GridPos(0, y, GridPos.COLUMNS, 1);
            y += 1;
            return pos;
        }

        Panel place(PanelSpec spec) {
            if (x + spec.width() > GridPos.COLUMNS) {
                newLine();
            }
            GridPos pos = new GridPos(x, y, spec.width(), spec.height());
            String offGrid = pos.offGridReason();
            if (offGrid != null) {
                throw new IllegalArgumentException("panel \"" + spec.title() + "\" " + offGrid);
            }
            x += spec.width();
            lineHeight = Math.max(lineHeight, spec.height());
            return new Panel(nextId(), pos, spec);
        }

        private void newLine() {
            y += lineHeight;
            x = 0;
            lineHeight = 0;
        }

        /** A layout for a collapsed row's panels: same ids, positions below the header, cursor unchanged. */
        Layout fork() {
            Layout inner = new Layout();
            inner.nextId = nextId;
            inner.y = y;
            return inner;
        }

        void adoptIds(Layout inner) {
            nextId = inner.nextId;
        }
    }
}
