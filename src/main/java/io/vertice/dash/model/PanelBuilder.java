package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * What every panel builder has: title, description, size, queries, unit, thresholds, mappings,
 * overrides, links, repeat. Subclasses start from the complete option objects Grafana writes when it
 * saves that panel type, and add typed setters for the options that matter.
 */
public abstract class PanelBuilder<B extends PanelBuilder<B>> {
    private final PanelType type;
    private final String title;
    private String description = "";
    private int width = 12;
    private int height = 8;
    private DatasourceRef datasource = DatasourceRef.PROMETHEUS_VARIABLE;
    private final List<Query> queries = new ArrayList<>();
    private final List<FieldOverride> overrides = new ArrayList<>();
    private final List<ValueMapping> mappings = new ArrayList<>();
    private final List<Link> links = new ArrayList<>();
    private final List<Transformation> transformations = new ArrayList<>();
    private String unit;
    private Integer decimals;
    private Double min;
    private Double max;
    private String noValue;
    private Thresholds thresholds = Thresholds.grafanaDefault();
    private String colorMode;
    private String fixedColor;
    private PanelSpec.Repeat repeat;
    private String interval;
    private Integer maxDataPoints;
    /** The plugin's options, complete; subclasses fill and adjust it. */
    protected final ObjectNode options = Json.object();
    /** The plugin's field options ({@code fieldConfig.defaults.custom}); null for plugins without. */
    protected ObjectNode custom;

    protected PanelBuilder(PanelType type, String title, String defaultColorMode) {
        this.type = type;
        this.title = title;
        this.colorMode = defaultColorMode;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** What the panel shows, how to read it, what is normal. Shown as the (i) tooltip. */
    public B description(String text) {
        this.description = text;
        return self();
    }

    /** Width in grid columns (1..24) and height in grid rows. */
    public B size(int w, int h) {
        this.width = w;
        this.height = h;
        return self();
    }

    public B width(int w) {
        this.width = w;
        return self();
    }

    public B height(int h) {
        this.height = h;
        return self();
    }

    public B datasource(DatasourceRef ref) {
        this.datasource = ref;
        return self();
    }

    /** Adds a query; refIds are assigned A, B, C... in the order added. */
    public B query(Query q) {
        queries.add(q.withRefId(Query.refIdFor(queries.size())));
        return self();
    }

    /** Adds a range query with a legend. */
    public B query(String expr, String legend) {
        return query(Query.of(expr).legend(legend));
    }

    public B unit(String unitId) {
        this.unit = unitId;
        return self();
    }

    public B decimals(int d) {
        this.decimals = d;
        return self();
    }

    public B min(double v) {
        this.min = v;
        return self();
    }

    public B max(double v) {
        this.max = v;
        return self();
    }

    /** Text shown when the query returns nothing. */
    public B noValue(String text) {
        this.noValue = text;
        return self();
    }

    public B thresholds(Thresholds t) {
        this.thresholds = t;
        return self();
    }

    /** Colours from the thresholds (stat, gauge, state timeline). */
    public B colorByThresholds() {
        this.colorMode = "thresholds";
        this.fixedColor = null;
        return self();
    }

    /** One fixed colour for every series. */
    public B fixedColor(String color) {
        this.colorMode = "fixed";
        this.fixedColor = color;
        return self();
    }

    /** Colours from Grafana's classic palette, one per series. */
    public B paletteColors() {
        this.colorMode = "palette-classic";
        this.fixedColor = null;
        return self();
    }

    /** A continuous colour scheme such as "continuous-GrYlRd". */
    public B colorScheme(String mode) {
        this.colorMode = mode;
        this.fixedColor = null;
        return self();
    }

    public B mapping(ValueMapping m) {
        mappings.add(m);
        return self();
    }

    public B mappings(List<ValueMapping> ms) {
        mappings.addAll(ms);
        return self();
    }

    public B override(FieldOverride o) {
        overrides.add(o);
        return self();
    }

    /** Several overrides at once, e.g. a shared colour scheme. */
    public B overrides(List<FieldOverride> os) {
        os.forEach(this::override);
        return self();
    }

    public B link(Link l) {
        links.add(l);
        return self();
    }

    /** Repeat the panel for each selected value of a variable, side by side. */
    public B repeatHorizontally(String variable, int maxPerRow) {
        this.repeat = new PanelSpec.Repeat(variable, PanelSpec.Repeat.Direction.HORIZONTAL, maxPerRow);
        return self();
    }

    /** Adds a transformation applied to the query results before display. */
    public B transform(Transformation t) {
        transformations.add(t);
        return self();
    }

    /** Minimum query interval for all queries of the panel, e.g. "15s". */
    public B interval(String minInterval) {
        this.interval = minInterval;
        return self();
    }

    public B maxDataPoints(int n) {
        this.maxDataPoints = n;
        return self();
    }

    public PanelSpec build() {
        ObjectNode defaults = Json.object();
        ObjectNode color = defaults.putObject("color");
        if (fixedColor != null) {
            color.put("fixedColor", fixedColor);
        }
        color.put("mode", colorMode);
        if (decimals != null) {
            defaults.put("decimals", decimals);
        }
        ArrayNode mappingJson = defaults.putArray("mappings");
        int index = 0;
        for (ValueMapping m : mappings) {
            mappingJson.add(m.toJson(index));
            index += m.size();
        }
        if (max != null) {
            defaults.put("max", max);
        }
        if (min != null) {
            defaults.put("min", min);
        }
        if (noValue != null) {
            defaults.put("noValue", noValue);
        }
        defaults.set("thresholds", thresholds.toJson());
        if (unit != null) {
            defaults.put("unit", unit);
        }
        return new PanelSpec(
                type,
                title,
                description,
                width,
                height,
                datasource,
                queries,
                defaults,
                custom,
                overrides,
                options,
                links,
                transformations,
                repeat,
                interval,
                maxDataPoints);
    }

    // Option objects several plugins share, in the shape Grafana saves them.

    protected static ObjectNode legend(String displayMode, String placement, boolean show, String... calcs) {
        ObjectNode n = Json.object();
        ArrayNode c = n.putArray("calcs");
        for (String calc : calcs) {
            c.add(calc);
        }
        n.put("displayMode", displayMode);
        n.put("placement", placement);
        n.put("showLegend", show);
        return n;
    }

    protected static ObjectNode tooltip(String mode) {
        ObjectNode n = Json.object();
        n.put("hideZeros", false);
        n.put("mode", mode);
        n.put("sort", mode.equals("multi") ? "desc" : "none");
        return n;
    }

    protected static ObjectNode reduceOptions(String calc) {
        ObjectNode n = Json.object();
        n.putArray("calcs").add(calc);
        n.put("fields", "");
        n.put("values", false);
        return n;
    }

    protected static ObjectNode hideFrom() {
        ObjectNode n = Json.object();
        n.put("legend", false);
        n.put("tooltip", false);
        n.put("viz", false);
        return n;
    }

    protected static ObjectNode linearScale() {
        ObjectNode n = Json.object();
        n.put("type", "linear");
        return n;
    }
}
