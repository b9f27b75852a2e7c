package io.vertice.dash.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Field overrides: a matcher and the properties to set on the fields it matches, e.g. a fixed
 * colour for the "failure" series.
 */
public record FieldOverride(String matcherId, JsonNode matcherOptions, List<Property> properties) {

    /** One property: id as Grafana names it ("color", "custom.stacking", "unit"...) and its value. */
    public record Property(String id, JsonNode value) {}

    public FieldOverride {
        matcherOptions = matcherOptions.deepCopy();
        properties = List.copyOf(properties);
    }

    /**
     * Fields whose display name is one of these: Grafana's "Fields with name" matcher in its
     * multi-name form ({@code byNames}), whose options are an object as the published schema requires.
     */
    public static FieldOverride byNames(String... displayNames) {
        ObjectNode options = Json.object();
        options.put("mode", "include");
        var names = options.putArray("names");
        for (String name : displayNames) {
            names.add(name);
        }
        return new FieldOverride("byNames", options, List.of());
    }

    public FieldOverride with(String propertyId, JsonNode value) {
        List<Property> next = new ArrayList<>(properties);
        next.add(new Property(propertyId, value));
        return new FieldOverride(matcherId, matcherOptions, next);
    }

    /** A fixed colour for the matched series. */
    public FieldOverride color(String color) {
        ObjectNode c = Json.object();
        c.put("fixedColor", color);
        c.put("mode", "fixed");
        return with("color", c);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ObjectNode matcher = n.putObject("matcher");
        matcher.put("id", matcherId);
        matcher.set("options", matcherOptions.deepCopy());
        var props = n.putArray("properties");
        for (Property p : properties) {
            ObjectNode prop = props.addObject();
            prop.put("id", p.id());
            prop.set("value", p.value().deepCopy());
        }
        return n;
    }
}
