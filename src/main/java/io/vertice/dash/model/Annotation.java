package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;

/** Dashboard annotations: Grafana's built-in one and Prometheus queries that mark events on every graph. */
public sealed interface Annotation {

    ObjectNode toJson();

    /** The "Annotations & Alerts" entry every Grafana dashboard has. */
    record BuiltIn() implements Annotation {
        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("builtIn", 1);
            n.set("datasource", DatasourceRef.GRAFANA.toJson());
            n.put("enable", true);
            n.put("hide", true);
            n.put("iconColor", "rgba(0, 211, 255, 1)");
            n.put("name", "Annotations & Alerts");
            ObjectNode target = n.putObject("target");
            target.put("limit", 100);
            target.put("matchAny", false);
            target.putArray("tags");
            target.put("type", "dashboard");
            n.put("type", "dashboard");
            return n;
        }
    }

    /**
     * A Prometheus query whose non-zero samples become annotations.
     *
     * @param titleFormat e.g. "{{transition}}"
     * @param tagKeys     comma-separated label names shown as tags
     */
    record Prometheus(
            String name,
            DatasourceRef datasource,
            String expr,
            String iconColor,
            String titleFormat,
            String textFormat,
            String tagKeys,
            String step)
            implements Annotation {
        /** Starts an annotation query: Grafana's default colour, no title, text, tags or step of its own. */
        public static Builder builder(String name, DatasourceRef datasource, String expr) {
            return new Builder(name, datasource, expr);
        }

        /** The optional parts of an annotation query, by name. */
        public static final class Builder {
            private final String name;
            private final DatasourceRef datasource;
            private final String expr;
            private String iconColor = "rgba(0, 211, 255, 1)";
            private String titleFormat;
            private String textFormat;
            private String tagKeys;
            private String step;

            private Builder(String name, DatasourceRef datasource, String expr) {
                this.name = name;
                this.datasource = datasource;
                this.expr = expr;
            }

            public Builder color(String iconColor) {
                this.iconColor = iconColor;
                return this;
            }

            /** The annotation's title, with {@code {{label}}} templates. */
            public Builder title(String titleFormat) {
                this.titleFormat = titleFormat;
                return this;
            }

            /** The annotation's text, with {@code {{label}}} templates. */
            public Builder text(String textFormat) {
                this.textFormat = textFormat;
                return this;
            }

            /** Labels of the series shown as the annotation's tags. */
            public Builder tags(String... labels) {
                this.tagKeys = String.join(",", labels);
                return this;
            }

            /** The query's resolution, e.g. "1m". */
            public Builder step(String step) {
                this.step = step;
                return this;
            }

            public Prometheus build() {
                return new Prometheus(name, datasource, expr, iconColor, titleFormat, textFormat, tagKeys, step);
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.set("datasource", datasource.toJson());
            n.put("enable", true);
            n.put("expr", expr);
            n.put("hide", false);
            n.put("iconColor", iconColor);
            n.put("name", name);
            if (step != null) {
                n.put("step", step);
            }
            if (tagKeys != null) {
                n.put("tagKeys", tagKeys);
            }
            if (textFormat != null) {
                n.put("textFormat", textFormat);
            }
            if (titleFormat != null) {
                n.put("titleFormat", titleFormat);
            }
            n.put("useValueForTime", false);
            return n;
        }
    }
}
