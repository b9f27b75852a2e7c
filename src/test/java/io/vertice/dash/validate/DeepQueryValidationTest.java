package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.validate.rules.Rules;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Queries as deep or long as Prometheus accepts go through every validation rule: no stack overflow, no
 * syntax finding, and the rules still see the selectors inside (a raw counter deep down is reported).
 */
class DeepQueryValidationTest {
    private static final String COUNTER = "maximus_esgt_ignition_events_total{environment=\"$environment\"}";

    static Stream<Arguments> deepQueries() {
        return Stream.of(
                Arguments.of("10,000 nested parentheses", "(".repeat(10_000) + COUNTER + ")".repeat(10_000)),
                Arguments.of(
                        "10,000 nested aggregations",
                        "avg by (environment) (".repeat(10_000) + COUNTER + ")".repeat(10_000)),
                Arguments.of("10,000 nested calls", "abs(".repeat(10_000) + COUNTER + ")".repeat(10_000)),
                Arguments.of("100,000 chained operators", COUNTER + " + maximus_arousal_level".repeat(100_000)),
                Arguments.of("100,000 unary minus signs", "-".repeat(100_000) + COUNTER));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepQueries")
    @Timeout(60)
    void everyRuleSurvivesTheQuery(String name, String expr) {
        String json = RuleHarness.dashboard(RuleHarness.panel(1, 0, 0, expr, "{{environment}}")
                .replace("\"targets\"", "\"fieldConfig\": {\"defaults\": {\"unit\": \"percent\"}}, \"targets\""));
        List<Finding> findings = new Validator(RuleHarness.CATALOG, Rules.all())
                .validate(List.of(RuleHarness.input(json)))
                .findings();
        assertThat(findings)
                .extracting(Finding::rule)
                .doesNotContain("promql-syntax")
                .contains("counter-without-rate");
    }
}
