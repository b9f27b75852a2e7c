package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/** Template variables: datasource, query, custom, interval and constant. */
public sealed interface Variable {

    String name();

    ObjectNode toJson();

    /** Chooses a datasource of one plugin type; {@code current} is the uid selected by default. */
    record Datasource(String name, String label, String pluginType, String currentUid, String currentText)
            implements Variable {
        @Override
        public ObjectNode toJson() {
            ObjectNode n = base(this, "datasource", label, false, false);
            n.set("current", currentJson(currentText, currentUid, false));
            n.set("options", Json.array());
            n.put("query", pluginType);
            n.put("refresh", 1);
            n.put("regex", "");
            return n;
        }
    }

    /**
     * Values from a datasource query such as {@code label_values(metric, label)}.
     * {@code current} is the default selection ("All" when includeAll and current is null).
     */
    record Query(
            String name,
            String label,
            DatasourceRef datasource,
            String query,
            boolean multi,
            boolean includeAll,
            String current,
            Refresh refresh,
            Sort sort)
            implements Variable {
        /** Starts a query variable: single value, no "All", refreshed on load, values unsorted. */
        public static Builder builder(String name, DatasourceRef datasource, String query) {
            return new Builder(name, datasource, query);
        }

        /** The optional parts of a query variable, by name. */
        public static final class Builder {
            private final String name;
            private final DatasourceRef datasource;
            private final String query;
            private String label;
            private boolean multi;
            private boolean includeAll;
            private String current;
            private Refresh refresh = Refresh.ON_LOAD;
            private Sort sort = Sort.DISABLED;

            private Builder(String name, DatasourceRef datasource, String query) {
                this.name = name;
                this.datasource = datasource;
                this.query = query;
            }

            public Builder label(String label) {
                this.label = label;
                return this;
            }

            /** Several values at once, with an "All" option selected by default. */
            public Builder multiWithAll() {
                this.multi = true;
                this.includeAll = true;
                return this;
            }

            /** The value selected by default. */
            public Builder current(String current) {
                this.current = current;
                return this;
            }

            public Builder refresh(Refresh refresh) {
                this.refresh = refresh;
                return this;
            }

            public Builder sort(Sort sort) {
                this.sort = sort;
                return this;
            }

            public Query build() {
                return new Query(name, label, datasource, query, multi, includeAll, current, refresh, sort);
            }
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = base(this, "query", label, multi, includeAll);
            if (current == null && includeAll) {
                n.set("current", currentJson("All", "$__all", multi));
            } else {
                n.set("current", currentJson(current == null ? "" : current, current == null ? "" : current, multi));
            }
            n.set("datasource", datasource.toJson());
            n.put("definition", query);
            n.set("options", Json.array());
            n.put("query", query);
            n.put("refresh", refresh.code);
            n.put("regex", "");
            n.put("sort", sort.code);
            return n;
        }
    }

    /** A fixed list of values, e.g. "novelty,relevance,urgency". */
    record Custom(String name, String label, List<String> values, boolean multi, boolean includeAll)
            implements Variable {
        public Custom {
            values = List.copyOf(values);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = base(this, "custom", label, multi, includeAll);
            if (includeAll) {
                n.set("current", currentJson("All", "$__all", multi));
            } else {
                n.set("current", currentJson(values.get(0), values.get(0), multi));
            }
            ArrayNode options = n.putArray("options");
            if (includeAll) {
                options.add(option("All", "$__all", true));
            }
            for (int i = 0; i < values.size(); i++) {
                options.add(option(values.get(i), values.get(i), !includeAll && i == 0));
            }
            n.put("query", String.join(",", values));
            return n;
        }
    }

    /** A choice of time spans, e.g. "1m,5m,15m" with an auto option. */
    record Interval(String name, String label, List<String> values, String current) implements Variable {
        public Interval {
            values = List.copyOf(values);
        }

        @Override
        public ObjectNode toJson() {
            ObjectNode n = base(this, "interval", label, false, false);
            n.put("auto", false);
            n.put("auto_count", 30);
            n.put("auto_min", "10s");
            n.set("current", currentJson(current, current, false));
            ArrayNode options = n.putArray("options");
            for (String v : values) {
                options.add(option(v, v, v.equals(current)));
            }
            n.put("query", String.join(",", values));
            n.put("refresh", 2);
            return n;
        }
    }

    /** A hidden constant. */
    record Constant(String name, String value) implements Variable {
        @Override
        public ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("hide", 2);
            n.put("name", name);
            n.put("query", value);
            n.put("skipUrlSync", true);
            n.put("type", "constant");
            return n;
        }
    }

    /** How a query variable orders its values (Grafana's {@code VariableSort}, 0..8 in this order). */
    enum Sort {
        DISABLED(0),
        ALPHABETICAL_ASC(1),
        ALPHABETICAL_DESC(2),
        NUMERICAL_ASC(3),
        NUMERICAL_DESC(4),
        ALPHABETICAL_CASE_INSENSITIVE_ASC(5),
        ALPHABETICAL_CASE_INSENSITIVE_DESC(6),
        NATURAL_ASC(7),
        NATURAL_DESC(8);

        /** Grafana's number for it in the dashboard JSON. */
        private final int code;

        Sort(int code) {
            this.code = code;
        }
    }

    /** When a query variable refreshes its values. */
    enum Refresh {
        NEVER(0),
        ON_LOAD(1),
        ON_TIME_RANGE_CHANGE(2);

        private final int code;

        Refresh(int code) {
            this.code = code;
        }
    }

    private static ObjectNode base(Variable v, String type, String label, boolean multi, boolean includeAll) {
        ObjectNode n = Json.object();
        n.put("hide", 0);
        n.put("includeAll", includeAll);
        if (label != null) {
            n.put("label", label);
        }
        n.put("multi", multi);
        n.put("name", v.name());
        n.put("skipUrlSync", false);
        n.put("type", type);
        return n;
    }

    private static ObjectNode currentJson(String text, String value, boolean multi) {
        ObjectNode n = Json.object();
        if (multi) {
            n.putArray("text").add(text);
            n.putArray("value").add(value);
        } else {
            n.put("text", text);
            n.put("value", value);
        }
        return n;
    }

    private static ObjectNode option(String text, String value, boolean selected) {
        ObjectNode n = Json.object();
        n.put("selected", selected);
        n.put("text", text);
        n.put("value", value);
        return n;
    }
}
