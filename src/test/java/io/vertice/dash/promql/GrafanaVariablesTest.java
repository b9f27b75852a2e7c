package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrafanaVariablesTest {

    private static <T extends Expr> List<T> nodes(Expr root, Class<T> type) {
        List<T> out = new ArrayList<>();
        root.walk(e -> {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        });
        return out;
    }

    @Test
    void rateIntervalBecomesADurationAndKeepsItsOriginalText() {
        String q = "sum by (state) (rate(maximus_arousal_state_seconds_total{environment=\"$environment\","
                + "service_name=~\"${service:regex}\"}[$__rate_interval]))";
        ParsedQuery pq = PromQL.parseGrafana(q);
        MatrixSelector m = nodes(pq.expr(), MatrixSelector.class).get(0);
        assertThat(m.rangeText()).isEqualTo("$__rate_interval");
        assertThat(m.range()).isPositive();
        assertThat(q.substring(m.span().start(), m.span().end()))
                .startsWith("maximus_arousal_state_seconds_total{")
                .endsWith("[$__rate_interval]");
        assertThat(pq.variables())
                .extracting(VariableUse::name)
                .containsExactly("environment", "service", "__rate_interval");
        VariableUse service = pq.variables().get(1);
        assertThat(service.format()).isEqualTo("regex");
        assertThat(q.substring(service.start(), service.end())).isEqualTo("${service:regex}");
        // inside label values the variable stays a string, verbatim
        VectorSelector vs = m.selector();
        assertThat(vs.matchers())
                .extracting(LabelMatcher::value)
                .containsExactly("maximus_arousal_state_seconds_total", "$environment", "${service:regex}");
    }

    @Test
    void fixedWindowKeepsItsText() {
        MatrixSelector m = nodes(PromQL.parseGrafana("rate(x[5m])").expr(), MatrixSelector.class)
                .get(0);
        assertThat(m.rangeText()).isEqualTo("5m");
    }

    @Test
    void numericMacrosAndVariablesInScalarPositions() {
        ParsedQuery pq = PromQL.parseGrafana("increase(x[${__range_s}s]) / $__range_s > $threshold");
        assertThat(pq.expr().type()).isEqualTo(ValueType.VECTOR);
        MatrixSelector m = nodes(pq.expr(), MatrixSelector.class).get(0);
        assertThat(m.rangeText()).isEqualTo("${__range_s}s");
        assertThat(PromQL.parseGrafana("topk($n, sum by ($label) (rate(x[$__interval])))")
                        .expr())
                .isInstanceOf(Aggregation.class);
        assertThat(PromQL.parseGrafana("histogram_quantile($q, rate(x_bucket[[[interval]]]))")
                        .variables())
                .extracting(VariableUse::name)
                .containsExactly("q", "interval");
    }

    @Test
    void variableAsMetricOrLabelNameBecomesANameSpelledAsWritten() {
        ParsedQuery pq = PromQL.parseGrafana("$metric{$label=\"a\"} offset $shift");
        VectorSelector vs = (VectorSelector) pq.expr();
        assertThat(vs.name()).isEqualTo("$metric");
        assertThat(vs.span().start()).isZero();
        assertThat(vs.matchers().get(1).name()).isEqualTo("$label");
        assertThat(pq.variables()).extracting(VariableUse::name).containsExactly("metric", "label", "shift");
        VectorSelector glued = (VectorSelector)
                PromQL.parseGrafana("foo_${env}_total{a=\"b\"}").expr();
        assertThat(glued.name()).isEqualTo("foo_${env}_total");
        assertThat(vs.offset()).isNotNull();
        assertThat(PromQL.parseGrafana("$metric").expr()).isInstanceOf(VectorSelector.class);
        assertThat(PromQL.parseGrafana("sum(${prefix}_requests_total) by (${group})")
                        .expr())
                .isInstanceOf(Aggregation.class);
    }

    @Test
    void errorsPointIntoTheOriginalText() {
        String q = "rate(x{a=\"$a\"}[$__rate_interval]) +";
        assertThatThrownBy(() -> PromQL.parseGrafana(q)).isInstanceOfSatisfying(PromqlException.class, e -> {
            assertThat(e.offset()).isEqualTo(q.length());
            assertThat(e.column()).isEqualTo(q.length() + 1);
            assertThat(e.message()).isEqualTo("unexpected end of input");
        });
        String q2 = "sum(rate(x[$__rate_interval])) + bogus(x)";
        assertThatThrownBy(() -> PromQL.parseGrafana(q2))
                .isInstanceOfSatisfying(
                        PromqlException.class, e -> assertThat(e.offset()).isEqualTo(q2.indexOf("bogus")));
    }

    @Test
    void spansAfterAPlaceholderAreShiftedBack() {
        String q = "rate(a[$__rate_interval]) + rate(bb[$__interval])";
        ParsedQuery pq = PromQL.parseGrafana(q);
        List<VectorSelector> sels = nodes(pq.expr(), VectorSelector.class);
        assertThat(sels)
                .extracting(v -> q.substring(v.span().start(), v.span().end()))
                .containsExactly("a", "bb");
        Binary b = (Binary) pq.expr();
        assertThat(b.span().start()).isZero();
        assertThat(b.span().end()).isEqualTo(q.length());
        assertThat(q.substring(b.rhs().span().start(), b.rhs().span().end())).isEqualTo("rate(bb[$__interval])");
    }

    @Test
    void labelReplaceGroupReferencesAreNotVariables() {
        ParsedQuery pq = PromQL.parseGrafana("label_replace(up, \"x\", \"$1\", \"instance\", \"(.*):.*\")");
        assertThat(pq.variables()).isEmpty();
    }

    @Test
    void everyReferenceSyntaxIsRecognisedWithFormatAndPosition() {
        String q =
                "sum by ([[group]]) (rate(x{a=~\"${a:pipe}\", b=\"[[b:raw]]\", c=\"${c.text}\"}[${win}] offset ${shift}m @ ${__to:date:seconds}))";
        ParsedQuery pq = PromQL.parseGrafana(q);
        assertThat(pq.variables())
                .extracting(VariableUse::name)
                .containsExactly("group", "a", "b", "c", "win", "shift", "__to");
        assertThat(pq.variables())
                .extracting(VariableUse::format)
                .containsExactly(null, "pipe", "raw", null, null, null, "date:seconds");
        for (VariableUse v : pq.variables()) {
            String text = q.substring(v.start(), v.end());
            assertThat(text).as("reference text").matches("(\\$\\{.*}|\\[\\[.*]])");
            assertThat(v.column()).isEqualTo(v.start() + 1);
        }
        assertThat(pq.variables().get(6).isBuiltin()).isTrue();
        assertThat(pq.variables().get(0).isBuiltin()).isFalse();
    }

    @Test
    void variablesInMultiLineQueriesHaveLineAndColumn() {
        String q = "sum(\n  rate(x[$__rate_interval])\n) > $threshold";
        ParsedQuery pq = PromQL.parseGrafana(q);
        assertThat(pq.variables()).extracting(VariableUse::line).containsExactly(2, 3);
        assertThat(pq.variables()).extracting(VariableUse::column).containsExactly(10, 5);
        assertThat(pq.expr().type()).isEqualTo(ValueType.VECTOR);
    }

    @Test
    void plainParseRejectsVariablesWithAClearError() {
        assertThatThrownBy(() -> PromQL.parse("rate(x[$__rate_interval])"))
                .isInstanceOfSatisfying(PromqlException.class, e -> {
                    assertThat(e.message()).contains("unexpected character").contains("'$'");
                    assertThat(e.column()).isEqualTo(8);
                });
    }

    @Test
    void typeErrorsAroundVariablesAreStillFound() {
        assertThatThrownBy(() -> PromQL.parseGrafana("rate(x{a=\"$a\"})"))
                .isInstanceOfSatisfying(
                        PromqlException.class, e -> assertThat(e.message()).contains("expected type range vector"));
        assertThatThrownBy(() -> PromQL.parseGrafana("x{a=$a}"))
                .isInstanceOfSatisfying(
                        PromqlException.class, e -> assertThat(e.message()).contains("expected string"));
    }

    @Test
    void userVariableIsAMetricNameOrANumberAsTheContextNeeds() {
        Aggregation sum = (Aggregation) PromQL.parseGrafana("sum($metric)").expr();
        assertThat(((VectorSelector) sum.expr()).name()).isEqualTo("$metric");
        Aggregation topk =
                (Aggregation) PromQL.parseGrafana("topk($n, rate($metric[5m]))").expr();
        assertThat(topk.param()).isInstanceOf(NumberLiteral.class);
        assertThat(topk.param().span()).isEqualTo(new Span(5, 7, 1, 6));
        Call hq = (Call) PromQL.parseGrafana("histogram_quantile($q, rate(x_bucket[5m]))")
                .expr();
        assertThat(hq.args().get(0)).isInstanceOf(NumberLiteral.class);
        Binary threshold = (Binary) PromQL.parseGrafana("up > $threshold").expr();
        assertThat(threshold.type()).isEqualTo(ValueType.VECTOR);
        assertThat(PromQL.parseGrafana("$__range_s").expr()).isInstanceOf(NumberLiteral.class);
        assertThat(PromQL.parseGrafana("increase(x[$__range]) / $__range_s")
                        .expr()
                        .type())
                .isEqualTo(ValueType.VECTOR);
    }
}
