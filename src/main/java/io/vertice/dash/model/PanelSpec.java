package io.vertice.dash.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Everything about a panel except where it sits: the result of a panel builder. The dashboard
 * builder places it on the grid and numbers it, giving a {@link Panel}.
 *
 * @param fieldDefaults {@code fieldConfig.defaults} without {@code custom}: unit, thresholds, mappings...
 * @param custom        {@code fieldConfig.defaults.custom}, the plugin's field options (null: none)
 * @param options       the plugin's {@code options}
 */
public record PanelSpec(
        PanelType type,
        String title,
        String description,
        int width,
        int height,
        DatasourceRef datasource,
        List<Query> targets,
        ObjectNode fieldDefaults,
        ObjectNode custom,
        List<FieldOverride> overrides,
        ObjectNode options,
        List<Link> links,
        List<Transformation> transformations,
        Repeat repeat,
        String interval,
        Integer maxDataPoints) {

    /** Repeat the panel for each value of a variable. */
    public record Repeat(String variable, Direction direction, Integer maxPerRow) {
        public enum Direction {
            HORIZONTAL("h"),
            VERTICAL("v");

            final String json;

            Direction(String json) {
                this.json = json;
            }
        }
    }

    public PanelSpec {
        targets = List.copyOf(targets);
        overrides = List.copyOf(overrides);
        links = List.copyOf(links);
        transformations = List.copyOf(transformations);
        fieldDefaults = fieldDefaults.deepCopy();
        custom = custom == null ? null : custom.deepCopy();
        options = options.deepCopy();
    }

    @Override
    public ObjectNode fieldDefaults() {
        return fieldDefaults.deepCopy();
    }

    @Override
    public ObjectNode custom() {
        return custom == null ? null : custom.deepCopy();
    }

    @Override
    public ObjectNode options() {
        return options.deepCopy();
    }

    /** The unit of the panel's values ("" when none is set). */
    public String unit() {
        return fieldDefaults.path("unit").asText("");
    }
}
