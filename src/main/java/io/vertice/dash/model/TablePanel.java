package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A table of values, e.g. one row per label value of an instant query. */
public final class TablePanel extends PanelBuilder<TablePanel> {

    TablePanel(String title) {
        super(PanelType.TABLE, title, "thresholds");
        custom = JsonNodeFactory.instance.objectNode();
        custom.put("align", "auto");
        // cellOptions left out (Grafana's default, "auto"): the published schema's oneOf cannot
        // accept {"type": "auto"}, which matches two of its alternatives.
        custom.put("inspect", false);
        options.put("cellHeight", "sm");
        ObjectNode footer = options.putObject("footer");
        footer.put("countRows", false);
        footer.putArray("reducer").add("sum");
        footer.put("show", false);
        options.put("frameIndex", 0);
        options.put("showHeader", true);
    }

    /** Sort rows by this column (display name), descending when asked. */
    public TablePanel sortBy(String column, boolean descending) {
        ObjectNode sort = options.putArray("sortBy").addObject();
        sort.put("desc", descending);
        sort.put("displayName", column);
        return this;
    }

    /** Show a footer with the sum of the numeric columns. */
    public TablePanel footerSum() {
        ((ObjectNode) options.get("footer")).put("show", true);
        return this;
    }

    /**
     * Turns Prometheus's instant-table columns into a readable table: hides Time and renames columns,
     * e.g. organize("Time", "event_type:Event", "Value:Count").
     */
    public TablePanel organize(String... hiddenOrRenamed) {
        return transform(Transformation.organize(hiddenOrRenamed));
    }
}
