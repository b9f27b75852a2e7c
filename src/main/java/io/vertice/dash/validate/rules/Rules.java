package io.vertice.dash.validate.rules;

import io.vertice.dash.validate.Rule;
import java.util.List;

/** Every rule dash knows, in the order they are documented. */
public final class Rules {
    private Rules() {}

    public static List<Rule> all() {
        return List.of(
                new PromqlSyntaxRule(),
                new UnknownMetricRule(),
                new UnknownLabelRule(),
                new UnknownLabelValueRule(),
                new RateOnGaugeRule(),
                new CounterWithoutRateRule(),
                new HistogramQuantileRule(),
                new FixedRateWindowRule(),
                new UndefinedVariableRule(),
                new MultiValueEqualityRule(),
                new HardcodedDatasourceRule(),
                new RatioUnitRule(),
                new LegendLabelRule(),
                new DuplicatePanelIdRule(),
                new PanelOffGridRule(),
                new PanelOverlapRule(),
                new PanelDescriptionRule());
    }
}
