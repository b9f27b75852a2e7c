package io.vertice.dash.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;
import java.util.function.Function;

/** How a list of {@link Change}s is printed: for people, for programs, or as GitHub Actions annotations. */
public enum DiffFormat {
    TEXT,
    JSON,
    GITHUB;

    /** Longest rendering of an object or array in text output; longer ones are cut with an ellipsis. */
    static final int MAX_VALUE_CHARS = 160;

    /**
     * Renders the changes.
     *
     * @param target what was compared against, for sentences ({@code Grafana}, a directory)
     * @param fileOf the file a dashboard uid lives in, for GitHub annotations (may return null)
     */
    public String render(List<Change> changes, String target, Function<String, String> fileOf) {
        StringBuilder out = new StringBuilder();
        switch (this) {
            case TEXT -> {
                for (Change c : changes) {
                    out.append(describe(c, target)).append('\n');
                }
            }
            case GITHUB -> {
                for (Change c : changes) {
                    String file = fileOf.apply(c.uid());
                    out.append("::error ");
                    if (file != null) {
                        out.append("file=").append(escapeProperty(file)).append(',');
                    }
                    out.append("title=")
                            .append(escapeProperty("dashboard drift: " + c.dashboard()))
                            .append("::")
                            .append(escapeData(describe(c, target)))
                            .append('\n');
                }
            }
            case JSON -> {
                ArrayNode array = Json.array();
                for (Change c : changes) {
                    ObjectNode o = array.addObject();
                    o.put("uid", c.uid());
                    o.put("dashboard", c.dashboard());
                    o.put("panel", c.panel());
                    o.put("path", c.path());
                    o.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
                    o.set("found", c.found());
                    o.set("expected", c.expected());
                    o.put("message", describe(c, target));
                }
                out.append(Json.write(array));
            }
        }
        return out.toString();
    }

    /** One line: {@code ESGT Deep Dive › Failure Reasons › targets[A].expr: "old" → "new"}. */
    public static String describe(Change c, String target) {
        String where = c.location() + ": ";
        if (c.path().isEmpty()) {
            String what = c.panel() == null ? "dashboard" : "panel";
            return where
                    + (c.kind() == Change.Kind.ADDED
                            ? what + " missing from " + target
                            : what + " only in " + target + " (not in code)");
        }
        return where + value(c.found()) + " → " + value(c.expected());
    }

    static String value(JsonNode node) {
        if (node == null) {
            return "(absent)";
        }
        String s = node.toString();
        // a changed query or title is shown whole; only whole objects (a panel, a target) are shortened
        return node.isValueNode() || s.length() <= MAX_VALUE_CHARS ? s : s.substring(0, MAX_VALUE_CHARS - 1) + "…";
    }

    private static String escapeData(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String escapeProperty(String s) {
        return escapeData(s).replace(":", "%3A").replace(",", "%2C");
    }
}
