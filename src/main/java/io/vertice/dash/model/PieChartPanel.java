package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shares of a whole: one slice per series. */
public final class PieChartPanel extends PanelBuilder<PieChartPanel> {

    PieChartPanel(String title) {
        super(PanelType.PIE_CHART, title, "palette-classic");
        custom = JsonNodeFactory.instance.objectNode();
        custom.set("hideFrom", hideFrom());
        options.putArray("displayLabels").add("percent");
        ObjectNode legend = legend("table", "right", true);
        ArrayNode values = legend.putArray("values");
        values.add("value");
        values.add("percent");
        options.set("legend", legend);
        options.put("orientation", "auto");
        options.put("pieType", "pie");
        options.set("reduceOptions", reduceOptions("lastNotNull"));
        options.set("tooltip", tooltip("single"));
    }

    public PieChartPanel donut() {
        options.put("pieType", "donut");
        return this;
    }

    /** How each series is reduced to its slice: "lastNotNull", "sum"... */
    public PieChartPanel reduce(String calc) {
        options.set("reduceOptions", reduceOptions(calc));
        return this;
    }
}
