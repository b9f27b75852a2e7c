package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParserTest {

    private static PromqlException error(String q) {
        try {
            PromQL.parse(q);
        } catch (PromqlException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for: " + q);
    }

    /** A compact rendering of the tree shape: binary ops as (lhs op rhs). */
    private static String shape(Expr e) {
        if (e instanceof Binary b) {
            return "(" + shape(b.lhs()) + " " + b.op().symbol() + " " + shape(b.rhs()) + ")";
        }
        if (e instanceof Unary u) {
            return (u.negative() ? "-" : "+") + shape(u.expr());
        }
        if (e instanceof NumberLiteral n) {
            return n.value() == Math.rint(n.value()) ? String.valueOf((long) n.value()) : String.valueOf(n.value());
        }
        if (e instanceof VectorSelector v) {
            return v.name();
        }
        if (e instanceof Paren p) {
            return "[" + shape(p.expr()) + "]";
        }
        return e.getClass().getSimpleName();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "a + b * c | (a + (b * c))",
                "a * b + c | ((a * b) + c)",
                "a - b - c | ((a - b) - c)",
                "a / b / c | ((a / b) / c)",
                "2 ^ 3 ^ 2 | (2 ^ (3 ^ 2))",
                "-1 ^ 2 | -(1 ^ 2)",
                "-a * b | (-a * b)",
                "a or b and c | (a or (b and c))",
                "a and b unless c | ((a and b) unless c)",
                "a > b + c | (a > (b + c))",
                "a + b > c or d | (((a + b) > c) or d)",
                "a atan2 b * c | ((a atan2 b) * c)",
                "(a + b) * c | ([(a + b)] * c)",
                "a ^ -b | (a ^ -b)",
                "1 < bool 2 - 1 * 2 | (1 < (2 - (1 * 2)))",
            })
    void precedenceAndAssociativity(String expr, String expected) {
        assertThat(shape(PromQL.parse(expr))).isEqualTo(expected);
    }

    @Test
    void numbers() {
        assertThat(((NumberLiteral) PromQL.parse("0x1F")).value()).isEqualTo(31);
        assertThat(((NumberLiteral) PromQL.parse("0755")).value()).isEqualTo(493);
        assertThat(((NumberLiteral) PromQL.parse("08")).value()).isEqualTo(8);
        assertThat(((NumberLiteral) PromQL.parse("-5e-3")).value()).isCloseTo(-0.005, within(1e-12));
        assertThat(((NumberLiteral) PromQL.parse(".5")).value()).isEqualTo(0.5);
        assertThat(((NumberLiteral) PromQL.parse("-Inf")).value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(((NumberLiteral) PromQL.parse("nan")).value()).isNaN();
        assertThat(((NumberLiteral) PromQL.parse("1h30m")).value()).isEqualTo(5400);
        assertThat(error("1e400").message()).contains("out of range");
    }

    @Test
    void stringsAndEscapes() {
        assertThat(((StringLiteral) PromQL.parse("\"a\\tb\\\"c\\u00e9\\x41\\101\\U0001F600\"")).value())
                .isEqualTo("a\tb\"céAA\uD83D\uDE00");
        assertThat(((StringLiteral) PromQL.parse("'it\\'s'")).value()).isEqualTo("it's");
        assertThat(((StringLiteral) PromQL.parse("`raw\\n`")).value()).isEqualTo("raw\\n");
        assertThat(((StringLiteral) PromQL.parse("\"\\xe2\\x98\\xba\"")).value())
                .isEqualTo("☺");
        assertThat(error("\"\\q\"").message()).contains("unknown escape sequence");
        assertThat(error("\"abc").message()).isEqualTo("unterminated quoted string");
        assertThat(error("\"\\ud800\"").message()).contains("invalid Unicode code point");
    }

    @Test
    void selectorsMatchersAndQuotedNames() {
        VectorSelector v = (VectorSelector) PromQL.parse("foo{a=\"1\", b!=\"2\", c=~\"3.*\", d!~'4'}");
        assertThat(v.name()).isEqualTo("foo");
        assertThat(v.matchers())
                .extracting(LabelMatcher::op)
                .containsExactly(MatchOp.EQUAL, MatchOp.EQUAL, MatchOp.NOT_EQUAL, MatchOp.REGEX, MatchOp.NOT_REGEX);
        VectorSelector utf8 = (VectorSelector) PromQL.parse("{\"my.metric\", \"a.b\"=\"c\"}");
        assertThat(utf8.name()).isEqualTo("my.metric");
        assertThat(utf8.matchers().get(1).name()).isEqualTo("a.b");
        VectorSelector byName = (VectorSelector) PromQL.parse("{__name__=\"up\"}");
        assertThat(byName.name()).isNull();
        assertThat(byName.metricName()).isEqualTo("up");
        assertThat(error("{x=~\".*\"}").message()).contains("at least one non-empty matcher");
        assertThat(error("foo{a=~\"(\"}").message()).contains("invalid regular expression");
        assertThat(error("foo{__name__=\"bar\"}").message()).contains("metric name must not be set twice");
    }

    @Test
    void rangesOffsetsAtAndSubqueries() {
        MatrixSelector m = (MatrixSelector) PromQL.parse("foo[1h30m] offset -5m @ end()");
        assertThat(m.range()).isEqualTo(Duration.ofMinutes(90));
        assertThat(m.rangeText()).isEqualTo("1h30m");
        assertThat(m.selector().offset()).isEqualTo(Duration.ofMinutes(-5));
        assertThat(m.selector().at().kind()).isEqualTo(AtModifier.Kind.END);
        assertThat(((MatrixSelector) PromQL.parse("foo[5]")).range()).isEqualTo(Duration.ofSeconds(5));
        assertThat(((MatrixSelector) PromQL.parse("foo[100ms]")).range()).isEqualTo(Duration.ofMillis(100));
        assertThat(((MatrixSelector) PromQL.parse("foo[1y]")).range()).isEqualTo(Duration.ofDays(365));
        Subquery sq = (Subquery) PromQL.parse("max_over_time(rate(x[1m])[1h:5m] @ 100)[2h:] offset 1d");
        assertThat(sq.range()).isEqualTo(Duration.ofHours(2));
        assertThat(sq.step()).isNull();
        assertThat(sq.offset()).isEqualTo(Duration.ofDays(1));
        Subquery inner = (Subquery) ((Call) sq.expr()).args().get(0);
        assertThat(inner.step()).isEqualTo(Duration.ofMinutes(5));
        assertThat(inner.at().timestamp()).isEqualTo(100);
        VectorSelector v = (VectorSelector) PromQL.parse("foo @ start() offset 1m");
        assertThat(v.at().kind()).isEqualTo(AtModifier.Kind.START);
        assertThat(v.offset()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aggregations() {
        Aggregation a = (Aggregation) PromQL.parse("sum without (job) (x)");
        assertThat(a.without()).isTrue();
        assertThat(a.grouping()).containsExactly("job");
        Aggregation after = (Aggregation) PromQL.parse("sum(x) by (job, \"a.b\")");
        assertThat(after.grouping()).containsExactly("job", "a.b");
        assertThat(after.span().end()).isEqualTo("sum(x) by (job, \"a.b\")".length());
        Aggregation topk = (Aggregation) PromQL.parse("topk(5, x)");
        assertThat(((NumberLiteral) topk.param()).value()).isEqualTo(5);
        Aggregation cv = (Aggregation) PromQL.parse("count_values(\"v\", x)");
        assertThat(((StringLiteral) cv.param()).value()).isEqualTo("v");
        assertThat(((Aggregation) PromQL.parse("quantile(0.9, x)")).op()).isEqualTo(AggregationOp.QUANTILE);
        // aggregation keywords are metric names when not followed by ( or by/without
        assertThat(((Binary) PromQL.parse("foo * sum")).rhs()).isInstanceOf(VectorSelector.class);
        assertThat(error("limitk(2, x)").message()).contains("not supported");
    }

    @Test
    void vectorMatching() {
        Binary b = (Binary) PromQL.parse("a / on(job, instance) group_left(version) b");
        assertThat(b.matching().on()).isTrue();
        assertThat(b.matching().labels()).containsExactly("job", "instance");
        assertThat(b.matching().include()).containsExactly("version");
        assertThat(b.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_ONE);
        Binary set = (Binary) PromQL.parse("a and ignoring(x) b");
        assertThat(set.matching().cardinality()).isEqualTo(VectorMatching.Cardinality.MANY_TO_MANY);
        assertThat(((Binary) PromQL.parse("a > bool 1")).returnBool()).isTrue();
        assertThat(((Binary) PromQL.parse("a + 1")).matching()).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "rate(x) | expected type range vector in call to function \"rate\", got instant vector",
                "x[5m] + 1 | binary expression must contain only scalar and instant vector types",
                "rate(sum(x)[5m]) | ranges only allowed for vector selectors",
                "floor(x, 1) | expected 1 argument(s) in call to \"floor\", got 2",
                "label_join(x, \"a\") | expected at least 3 argument(s)",
                "round(x, 1, 2) | expected at most 2 argument(s)",
                "1 and 2 | set operator \"and\" not allowed in binary scalar expression",
                "x or 1 | set operator \"or\" not allowed in binary scalar expression",
                "x + bool y | bool modifier can only be used on comparison operators",
                "1 > 2 | comparisons between scalars must use the bool modifier",
                "1 + on(a) x | vector matching (on/ignoring) only allowed between instant vectors",
                "a and on(x) group_left b | no grouping (group_left) allowed for \"and\" operation",
                "a + on(x) group_left(x) b | label \"x\" must not occur in on() and group_left() at once",
                "sum(x[5m]) | expected type instant vector in aggregation expression, got range vector",
                "topk(x, y) | expected type scalar in aggregation parameter, got instant vector",
                "-\"a\" | unary expression only allowed on expressions of type scalar or instant vector",
                "x[5m][5m:1m] | subquery is only allowed on instant vector, got range vector instead",
                "sum(x) offset 5m | offset modifier must be preceded by an instant vector selector",
                "x offset 1m offset 2m | offset may not be set multiple times",
                "x offset 1m[5m] | no offset modifiers allowed before range",
                "x @ NaN | timestamp out of bounds for @ modifier",
                "foo[0s] | duration must be greater than 0",
                "foo[5m1h] | not a valid duration string",
                "foo[5x] | bad number or duration syntax",
                "nope(x) | unknown function with name \"nope\"",
                "info(x) | not supported",
                "x anchored | not supported",
                "foo[1m+1m] | not supported",
                "sum() | no arguments for aggregate expression provided",
            })
    void typeAndSyntaxErrors(String expr, String message) {
        assertThat(error(expr).message()).contains(message);
    }

    @Test
    void functionsTableCoversStableFunctions() {
        for (String name : List.of(
                "abs",
                "absent",
                "absent_over_time",
                "ceil",
                "changes",
                "clamp",
                "clamp_max",
                "clamp_min",
                "day_of_month",
                "day_of_week",
                "day_of_year",
                "days_in_month",
                "delta",
                "deriv",
                "exp",
                "floor",
                "histogram_avg",
                "histogram_count",
                "histogram_sum",
                "histogram_fraction",
                "histogram_stddev",
                "histogram_stdvar",
                "histogram_quantile",
                "holt_winters",
                "double_exponential_smoothing",
                "hour",
                "idelta",
                "increase",
                "irate",
                "label_join",
                "label_replace",
                "ln",
                "log2",
                "log10",
                "minute",
                "month",
                "predict_linear",
                "rate",
                "resets",
                "round",
                "scalar",
                "sgn",
                "sort",
                "sort_desc",
                "sort_by_label",
                "sort_by_label_desc",
                "sqrt",
                "time",
                "timestamp",
                "vector",
                "year",
                "avg_over_time",
                "min_over_time",
                "max_over_time",
                "sum_over_time",
                "count_over_time",
                "quantile_over_time",
                "stddev_over_time",
                "stdvar_over_time",
                "last_over_time",
                "present_over_time",
                "mad_over_time",
                "acos",
                "acosh",
                "asin",
                "asinh",
                "atan",
                "atanh",
                "cos",
                "cosh",
                "sin",
                "sinh",
                "tan",
                "tanh",
                "deg",
                "rad",
                "pi")) {
            assertThat(Functions.get(name)).as(name).isNotNull();
        }
        assertThat(PromQL.parse("hour()").type()).isEqualTo(ValueType.VECTOR);
        assertThat(PromQL.parse("label_join(x, \"d\", \",\", \"a\", \"b\", \"c\")"))
                .isInstanceOf(Call.class);
        assertThat(PromQL.parse("quantile_over_time(0.9, x[5m])").type()).isEqualTo(ValueType.VECTOR);
        assertThat(PromQL.parse("scalar(x) * 2").type()).isEqualTo(ValueType.SCALAR);
    }

    @Test
    void positionsOnMultiLineInput() {
        String q = "sum by (job) (\n  rate(x[5m])\n) / on(job)\n  nope(y)";
        PromqlException e = error(q);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(3);
        assertThat(e.offset()).isEqualTo(q.indexOf("nope"));
        assertThat(e.getMessage()).isEqualTo("line 4, column 3: unknown function with name \"nope\"");
        assertThat(e.excerpt()).isEqualTo("  nope(y)\n  ^");

        Expr ok = PromQL.parse("sum by (job) (\n  rate(x[5m])\n)");
        List<MatrixSelector> ms = new ArrayList<>();
        ok.walk(n -> {
            if (n instanceof MatrixSelector m) {
                ms.add(m);
            }
        });
        Span s = ms.get(0).span();
        assertThat(s.line()).isEqualTo(2);
        assertThat(s.column()).isEqualTo(8);
        assertThat("sum by (job) (\n  rate(x[5m])\n)".substring(s.start(), s.end()))
                .isEqualTo("x[5m]");
    }

    @Test
    void caretExcerptUnderTheColumn() {
        PromqlException e = error("rate(foo[5m]) + on(a) group_left(a) bar");
        assertThat(e.excerpt()).isEqualTo("rate(foo[5m]) + on(a) group_left(a) bar\n              ^");
        PromqlException end = error("sum(x");
        assertThat(end.message()).isEqualTo("unclosed left parenthesis");
        assertThat(end.excerpt()).endsWith("\n   ^");
    }

    @Test
    void walkVisitsEveryNodeDepthFirst() {
        List<String> seen = new ArrayList<>();
        Exprs.walk(
                PromQL.parse("sum(rate(a[5m])) / (b + 1)"),
                e -> seen.add(e.getClass().getSimpleName()));
        assertThat(seen)
                .containsExactly(
                        "Binary",
                        "Aggregation",
                        "Call",
                        "MatrixSelector",
                        "VectorSelector",
                        "Paren",
                        "Binary",
                        "VectorSelector",
                        "NumberLiteral");
    }

    /** Inputs Prometheus accepts however deep or long (promtool 2.42 accepts each); named for the report. */
    static Stream<Arguments> deepAndLongExpressions() {
        return Stream.of(
                Arguments.of(
                        "10,000 nested parentheses", "(".repeat(10_000) + "1" + ")".repeat(10_000), ValueType.SCALAR),
                Arguments.of(
                        "100,000 nested parentheses",
                        "(".repeat(100_000) + "up" + ")".repeat(100_000),
                        ValueType.VECTOR),
                Arguments.of(
                        "10,000 nested calls", "abs(".repeat(10_000) + "up" + ")".repeat(10_000), ValueType.VECTOR),
                Arguments.of(
                        "10,000 nested aggregations",
                        "sum by (job) (".repeat(10_000) + "up" + ")".repeat(10_000),
                        ValueType.VECTOR),
                Arguments.of(
                        "10,000 nested subqueries",
                        "max_over_time(".repeat(10_000) + "up" + "[5m:1m])".repeat(10_000),
                        ValueType.VECTOR),
                Arguments.of("100,000 chained + operators", "up" + " + up".repeat(100_000), ValueType.VECTOR),
                Arguments.of(
                        "100,000 chained mixed operators", "1" + " + 2 * 3 - 4 / 5".repeat(25_000), ValueType.SCALAR),
                Arguments.of("100,000 chained and/or", "up" + " and up or up".repeat(50_000), ValueType.VECTOR),
                Arguments.of("100,000 chained ^ (right-associative)", "2" + " ^ 2".repeat(100_000), ValueType.SCALAR),
                Arguments.of("100,000 unary minus signs", "-".repeat(100_000) + "up", ValueType.VECTOR));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepAndLongExpressions")
    void deepAndLongExpressionsParseAndTypeCheck(String name, String expr, ValueType type) {
        assertThat(PromQL.parse(expr).type()).isEqualTo(type);
        assertThat(PromQL.parseGrafana(expr).expr().type()).isEqualTo(type);
    }

    @Test
    void typeErrorsDeepInsideLongExpressionsAreFound() {
        String deep = "(".repeat(10_000) + "rate(up)" + ")".repeat(10_000);
        assertThat(error(deep).message())
                .isEqualTo("expected type range vector in call to function \"rate\", got instant vector");
        assertThat(error(deep).column()).isEqualTo(10_006);
        String chain = "up" + " + up".repeat(100_000) + " + up[5m]";
        assertThat(error(chain).message()).contains("got range vector on the right of \"+\"");
        assertThat(error("(".repeat(10_000) + "1" + ")".repeat(9_999)).message())
                .isEqualTo("unclosed left parenthesis");
    }

    /** Label regexes as RE2 (Prometheus) judges them; promtool 2.42 gives the same verdicts (see PromtoolDifferentialTest). */
    static Stream<Arguments> labelRegexes() {
        return Stream.of(
                Arguments.of("lookahead (?=a)b", "(?=a)b", "invalid or unsupported Perl syntax"),
                Arguments.of("backreference (a)\\1", "(a)\\\\1", "invalid escape sequence"),
                Arguments.of("repeat count over 1000 a{1001}", "a{1001}", "invalid repeat count"),
                Arguments.of("end of text \\Z", "\\\\Z", "invalid escape sequence"),
                Arguments.of("single byte \\C", "\\\\C", "invalid escape sequence"),
                Arguments.of("nested repetition a**", "a**", "invalid nested repetition operator"),
                Arguments.of("nested counted repetition x{2}{3}", "x{2}{3}", "invalid nested repetition operator"),
                Arguments.of("unclosed group", "(a", "missing closing )"),
                Arguments.of("unopened group", "a)", "unexpected )"),
                Arguments.of("unclosed class", "[a", "missing closing ]"),
                Arguments.of("repeat count 1000 a{1000}", "a{1000}", null),
                Arguments.of("named group (?P<n>a)", "(?P<n>a)", null),
                Arguments.of("end of text \\z", "\\\\z", null),
                Arguments.of("POSIX class [[:alpha:]]", "[[:alpha:]]", null),
                Arguments.of("Unicode class \\pL", "\\\\pL", null),
                Arguments.of("flags (?i)a", "(?i)a", null),
                Arguments.of("quoted literal \\Q.\\E", "\\\\Q.\\\\E", null),
                Arguments.of("literal brace a{", "a{", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("labelRegexes")
    void labelRegexesAreCheckedAsRe2(String name, String regexInPromqlString, String problem) {
        String expr = "foo{a=~\"" + regexInPromqlString + "\"}";
        if (problem == null) {
            assertThat(PromQL.parse(expr)).isInstanceOf(VectorSelector.class);
        } else {
            assertThat(error(expr).message())
                    .startsWith("invalid regular expression ")
                    .contains(problem);
            assertThat(error(expr).column()).isEqualTo(8);
        }
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a.*     | abc      | true",
                "a.*     | xabc     | false",
                "[bc]+   | bcb      | true",
                "(?i)ok  | OK       | true",
                ".       | '\n'     | true",
                "\\pL+    | états    | true",
                "a{2}    | aaa      | false",
            })
    void regexMatchersMatchAsPrometheus(String regex, String value, boolean matches) {
        LabelMatcher m = new LabelMatcher("l", MatchOp.REGEX, regex, new Span(0, 0), new Span(0, 0));
        assertThat(m.matches(value.equals("\\n") ? "\n" : value)).isEqualTo(matches);
        assertThat(new LabelMatcher("l", MatchOp.NOT_REGEX, regex, new Span(0, 0), new Span(0, 0))
                        .matches(value.equals("\\n") ? "\n" : value))
                .isEqualTo(!matches);
    }

    @Test
    void emptyAndCommentOnlyInputs() {
        assertThat(error("").message()).isEqualTo("no expression found in input");
        assertThat(error("  # only a comment\n").message()).isEqualTo("no expression found in input");
        assertThat(PromQL.parse("up # trailing comment")).isInstanceOf(VectorSelector.class);
    }

    @Test
    void invalidUtf8IsAnError() {
        byte[] bad = {'f', 'o', 'o', '{', 'a', '=', '"', (byte) 0xff, '"', '}'};
        assertThatThrownBy(() -> PromQL.parseUtf8(bad)).isInstanceOfSatisfying(PromqlException.class, e -> {
            assertThat(e.message()).contains("invalid UTF-8");
            assertThat(e.column()).isEqualTo(8);
        });
    }
}
