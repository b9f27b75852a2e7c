package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Discrete states over time as coloured bands; colours and words come from value mappings. */
public final class StateTimelinePanel extends PanelBuilder<StateTimelinePanel> {

    StateTimelinePanel(String title) {
        super(PanelType.STATE_TIMELINE, title, "thresholds");
        custom = JsonNodeFactory.instance.objectNode();
        custom.put("fillOpacity", 70);
        custom.set("hideFrom", hideFrom());
        custom.put("insertNulls", false);
        custom.put("lineWidth", 0);
        custom.put("spanNulls", false);
        options.put("alignValue", "left");
        options.set("legend", legend("list", "bottom", true));
        options.put("mergeValues", true);
        options.put("rowHeight", 0.9);
        options.put("showValue", "auto");
        options.set("tooltip", tooltip("single"));
    }

    /** Hide the value text inside the bands. */
    public StateTimelinePanel hideValues() {
        options.put("showValue", "never");
        return this;
    }
}
