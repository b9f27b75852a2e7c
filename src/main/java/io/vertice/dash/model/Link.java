package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.List;

/** Dashboard links: to dashboards with tags (dropdown) or to a URL. Variables and time can be carried. */
public record Link(
        String title,
        Type type,
        String url,
        List<String> tags,
        boolean asDropdown,
        boolean includeVars,
        boolean keepTime,
        String tooltip,
        String icon) {

    public enum Type {
        DASHBOARDS("dashboards"),
        LINK("link");

        private final String json;

        Type(String json) {
            this.json = json;
        }
    }

    public Link {
        tags = List.copyOf(tags);
    }

    /** A dropdown of the dashboards carrying these tags, keeping time range and variables. */
    public static Link dashboardsTagged(String title, String... tags) {
        return new Link(title, Type.DASHBOARDS, null, List.of(tags), true, true, true, "", "external link");
    }

    /** A link to a URL, keeping time range and variables. */
    public static Link url(String title, String url, String tooltip) {
        return new Link(title, Type.LINK, url, List.of(), false, true, true, tooltip, "external link");
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("asDropdown", asDropdown);
        n.put("icon", icon);
        n.put("includeVars", includeVars);
        n.put("keepTime", keepTime);
        var arr = n.putArray("tags");
        tags.forEach(arr::add);
        n.put("targetBlank", false);
        n.put("title", title);
        n.put("tooltip", tooltip);
        n.put("type", type.json);
        if (url != null) {
            n.put("url", url);
        }
        return n;
    }

    /** Panel links ("data links" on the panel header) have a simpler shape. */
    public ObjectNode toPanelJson() {
        ObjectNode n = Json.object();
        n.put("targetBlank", false);
        n.put("title", title);
        n.put("url", url);
        return n;
    }
}
