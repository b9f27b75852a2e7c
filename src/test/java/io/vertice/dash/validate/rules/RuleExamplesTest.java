package io.vertice.dash.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.validate.Finding;
import io.vertice.dash.validate.Rule;
import io.vertice.dash.validate.RuleExample;
import io.vertice.dash.validate.RuleHarness;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.Validator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The examples in every rule's @RuleInfo (printed in docs/rules.md) do what they say, against the embedded catalogue. */
class RuleExamplesTest {
    private static final MetricCatalog EMBEDDED = new EmbeddedCatalogSource().load();

    static Stream<Arguments> examples() {
        return Rules.all().stream()
                .flatMap(rule -> Stream.concat(
                        rule.meta().failing().stream()
                                .map(e -> Arguments.of(rule.id() + " reports " + label(e), rule, e, true)),
                        rule.meta().passing().stream()
                                .map(e -> Arguments.of(rule.id() + " accepts " + label(e), rule, e, false))));
    }

    private static String label(RuleExample e) {
        return e.note() != null ? e.note() : e.expr() != null ? e.expr() : "the panels";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void exampleDoesWhatTheDocsSay(String name, Rule rule, RuleExample example, boolean fails) {
        List<Finding> found = new Validator(EMBEDDED, List.of(rule))
                .validate(List.of(RuleHarness.input(example.dashboard())))
                .findings();
        if (fails) {
            assertThat(found).as(name).isNotEmpty().allSatisfy(f -> assertThat(f.rule())
                    .isEqualTo(rule.id()));
        } else {
            assertThat(found).as(name).isEmpty();
        }
    }

    @Test
    void everyRuleHasUniqueIdSeverityWhyAndBothKindsOfExample() {
        assertThat(RuleCatalog.all())
                .extracting(r -> r.id())
                .doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z]+(-[a-z]+)*"));
        assertThat(Rules.all()).allSatisfy(r -> {
            assertThat(r.why()).isNotBlank().endsWith(".");
            assertThat(r.meta().summary()).isNotBlank().doesNotEndWith(".");
            assertThat(r.severity()).isIn((Object[]) Severity.values());
            assertThat(r.meta().failing()).as(r.id() + " failing examples").isNotEmpty();
            assertThat(r.meta().passing()).as(r.id() + " passing examples").isNotEmpty();
        });
    }
}
