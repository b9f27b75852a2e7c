package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Rule;

import java.util.List;

/** Every rule dash knows, in the order they are documented. */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> all() {
        return List.of(
                new DuplicatePanelIdRule(),
                new PanelOffGridRule(),
                new PanelOverlapRule(),
                new PanelDescriptionRule(),
                new HardcodedDatasourceRule(),
                new UndefinedVariableRule());
    }
}
