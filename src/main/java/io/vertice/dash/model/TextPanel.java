package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Markdown text: a heading or a guide for the reader. Has no queries. */
public final class TextPanel extends PanelBuilder<TextPanel> {

    TextPanel(String title, String markdown) {
        super(PanelType.TEXT, title, "thresholds");
        ObjectNode code = options.putObject("code");
        code.put("language", "plaintext");
        code.put("showLineNumbers", false);
        code.put("showMiniMap", false);
        options.put("content", markdown);
        options.put("mode", "markdown");
    }
}
