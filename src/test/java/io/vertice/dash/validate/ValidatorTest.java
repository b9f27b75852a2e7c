package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    @Test
    void findingsAreSortedTheSameWhateverOrderDashboardsAreCheckedIn() {
        List<DashboardDocument> inputs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String panels = RuleHarness.panel(1, 0, 0, "rate(maximus_arousal_level[5m])", "{{zone}}") + ","
                    + RuleHarness.panel(1, 6, 0, "maximus_arousl_level", null);
            inputs.add(DashboardReader.of(
                    Json.parse(RuleHarness.dashboard(panels).replace("\"T\"", "\"T" + i + "\""), "x"),
                    "d" + (i % 7) + ".json"));
        }
        ValidationReport first = Validator.withDefaultRules(RuleHarness.CATALOG).validate(inputs);
        List<DashboardDocument> reversed = new ArrayList<>(inputs);
        java.util.Collections.reverse(reversed);
        ValidationReport second =
                Validator.withDefaultRules(RuleHarness.CATALOG).validate(reversed);
        assertThat(Reports.json(second)).isEqualTo(Reports.json(first));
        assertThat(first.findings()).isSortedAccordingTo(Finding.ORDER);
        assertThat(first.summary().panels()).isEqualTo(80);
        assertThat(first.summary().queries()).isEqualTo(80 + 80); // two targets and two query variables per dashboard
        // per dashboard: rate on gauge, fixed window, duplicate id, overlap, unknown metric (errors); legend (warning)
        assertThat(first.summary().errors()).isEqualTo(40 * 4);
    }
}
