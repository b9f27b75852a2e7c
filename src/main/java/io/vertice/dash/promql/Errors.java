package io.vertice.dash.promql;

import java.util.Locale;

/**
 * Every error text of the PromQL package, one named factory each, worded as Prometheus words them where
 * it has the same error (so users can search for them) and saying what to do where it does not.
 */
final class Errors {
    private static final String EXPERIMENTAL =
            " is experimental in Prometheus (behind a feature flag) and not supported";

    private Errors() {}

    // ------------------------------------------------------------------ describing what was found

    static boolean isKeyword(String word) {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "and",
                    "or",
                    "unless",
                    "atan2",
                    "by",
                    "without",
                    "on",
                    "ignoring",
                    "group_left",
                    "group_right",
                    "bool",
                    "offset" -> true;
            default -> false;
        };
    }

    static String groupWord(VectorMatching.Cardinality card) {
        return card == VectorMatching.Cardinality.ONE_TO_MANY ? "group_right" : "group_left";
    }

    /** What an expression is, for "not for ..." messages. */
    static String what(Expr e) {
        if (e instanceof Paren) {
            return "a parenthesised expression";
        } else if (e instanceof Call) {
            return "a function call";
        } else if (e instanceof Aggregation) {
            return "an aggregation";
        } else if (e instanceof MatrixSelector) {
            return "a range selector";
        } else if (e instanceof Subquery) {
            return "a subquery";
        } else if (e instanceof NumberLiteral) {
            return "a number";
        } else if (e instanceof StringLiteral) {
            return "a string";
        }
        return "an expression";
    }

    // ------------------------------------------------------------------ lexical

    static String unexpectedCharacter(String quotedChar) {
        return "unexpected character: " + quotedChar;
    }

    static String unexpectedCharacterExpecting(String quotedChar, String expected) {
        return "unexpected character: " + quotedChar + ", expected " + expected;
    }

    static String unexpectedAfter(char c, String where, String quotedChar) {
        return "unexpected character after '" + c + "'" + where + ": " + quotedChar;
    }

    static String unexpectedDollar(boolean grafana) {
        return "unexpected character: '$'" + (grafana ? " (not a Grafana variable reference)" : "");
    }

    static String unexpectedRightBracket() {
        return "unexpected right bracket ']'";
    }

    static String regexMatcherOutsideBraces() {
        return "unexpected character after '=': '~' (regex matchers only go inside braces)";
    }

    static String badNumber(String text) {
        return "bad number or duration syntax: \"" + text + "\"";
    }

    static String numberOutOfRange(String text) {
        return "number out of range: \"" + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "\"";
    }

    static String unknownDurationUnit(String unit, String duration) {
        return "unknown unit \"" + unit + "\" in duration \"" + duration + "\"";
    }

    static String unitsOutOfOrder(String duration) {
        return "not a valid duration string: \"" + duration
                + "\" (units must go from largest to smallest, each at most once)";
    }

    /** {@code duration} may be null when the value was a number of seconds. */
    static String durationOutOfRange(String duration) {
        return "duration out of range" + (duration == null ? "" : ": \"" + duration + "\"");
    }

    static String unterminatedRawString() {
        return "unterminated raw string";
    }

    static String unterminatedString() {
        return "unterminated quoted string";
    }

    static String newlineInString() {
        return "unterminated quoted string (a newline cannot appear inside quotes)";
    }

    static String invalidUtf8Rune() {
        return "invalid UTF-8 rune";
    }

    static String invalidUtf8Byte(int value, int byteOffset) {
        return String.format("invalid UTF-8 byte 0x%02X at byte offset %d", value, byteOffset);
    }

    static String escapeNotTerminated() {
        return "escape sequence not terminated";
    }

    static String unknownEscape(int codePoint, String quotedChar) {
        return String.format("unknown escape sequence U+%04X %s", codePoint, quotedChar);
    }

    static String illegalEscapeCharacter(int codePoint, String quotedChar) {
        return String.format("illegal character U+%04X %s in escape sequence", codePoint, quotedChar);
    }

    static String invalidCodePoint() {
        return "escape sequence is an invalid Unicode code point";
    }

    // ------------------------------------------------------------------ syntax

    static String noExpression() {
        return "no expression found in input";
    }

    static String unexpected(String found) {
        return "unexpected " + found;
    }

    static String unexpectedEnd() {
        return "unexpected end of input";
    }

    static String unexpectedExpecting(String found, String expected) {
        return "unexpected " + found + ", expected " + expected;
    }

    static String unexpectedIn(String found, String context, String expected) {
        return "unexpected " + found + " in " + context + ", expected " + expected;
    }

    static String unexpectedAfterExpression(String found) {
        return "unexpected " + found + " after a complete expression";
    }

    static String unexpectedRightParen() {
        return "unexpected right parenthesis ')'";
    }

    static String emptyParentheses() {
        return "unexpected right parenthesis ')': empty parentheses";
    }

    static String unclosedLeftParen() {
        return "unclosed left parenthesis";
    }

    static String singleEquals() {
        return "unexpected \"=\" (use == to compare)";
    }

    static String unexpectedKeyword(String word) {
        return "unexpected keyword \"" + word + "\"";
    }

    static String trailingComma(String context) {
        return "trailing commas not allowed in " + context + " args";
    }

    static String nestedTooDeeply() {
        return "expression nested too deeply for this machine's memory";
    }

    static String boolOnNonComparison(String operator) {
        return "bool modifier can only be used on comparison operators, not on \"" + operator + "\"";
    }

    static String labelInOnAndGroup(String label, String groupWord) {
        return "label \"" + label + "\" must not occur in on() and " + groupWord + "() at once";
    }

    static String matchingWithoutVectors() {
        return "vector matching (on/ignoring) only allowed between instant vectors";
    }

    static String groupingOnSetOperator(String groupWord, String operator) {
        return "no grouping (" + groupWord + ") allowed for \"" + operator + "\" operation";
    }

    static String variableInFunctionName(String name) {
        return "a function name cannot contain a Grafana variable: \"" + name + "\"";
    }

    static String unknownFunction(String name) {
        return "unknown function with name \"" + name + "\"";
    }

    static String experimentalFunction(String name) {
        return (name.startsWith("fill")
                        ? "the \"" + name + "()\" binary operator modifier"
                        : "function \"" + name + "\"")
                + EXPERIMENTAL;
    }

    static String experimentalAggregation(String name) {
        return "aggregation \"" + name + "\"" + EXPERIMENTAL;
    }

    static String experimentalModifier(String name) {
        return "the \"" + name + "\" modifier" + EXPERIMENTAL;
    }

    static String experimentalDurationExpression() {
        return "duration expressions (arithmetic, step(), range(), min_of(), max_of())" + EXPERIMENTAL;
    }

    static String experimentalOffsetExpression() {
        return "duration expressions in offset (arithmetic, step(), range(), min_of(), max_of())" + EXPERIMENTAL;
    }

    static String secondGrouping(String found, String existing) {
        return "unexpected " + found + ": the aggregation already has a " + existing + " clause";
    }

    static String noAggregationArguments() {
        return "no arguments for aggregate expression provided";
    }

    static String aggregationArgumentCount(int wanted, int got) {
        return "wrong number of arguments for aggregate expression provided, expected " + wanted + ", got " + got;
    }

    static String colonInLabel(String word, String context) {
        return "unexpected identifier \"" + word + "\" in " + context
                + ", expected label (label names cannot contain ':')";
    }

    // ------------------------------------------------------------------ selectors

    static String commaInsteadOfLabel() {
        return "unexpected \",\" in label matching, expected identifier or \"}\"";
    }

    static String unexpectedInBraces(String quotedChar, String expecting) {
        return "unexpected character inside braces: " + quotedChar + expecting;
    }

    static String unexpectedInLabelMatching(String found, String expected) {
        return "unexpected " + found + " in label matching, expected " + expected;
    }

    static String unquotedVariableValue(String reference) {
        return "unexpected Grafana variable \"" + reference + "\" in label matching, expected string (quote it: \""
                + reference + "\")";
    }

    static String endInsideBraces() {
        return "unexpected end of input inside braces";
    }

    static String metricNameTwice(String first, String second) {
        return "metric name must not be set twice: \"" + first + "\" or \"" + second + "\"";
    }

    static String onlyEmptyMatchers() {
        return "vector selector must contain at least one non-empty matcher";
    }

    static String invalidRegex(String quoted, String problem) {
        return "invalid regular expression " + quoted + ": " + problem;
    }

    // ------------------------------------------------------------------ ranges, subqueries, modifiers

    static String endInDuration() {
        return "unexpected end of input in duration expression";
    }

    static String expectedDurationIn(char found, String context) {
        return "unexpected \"" + found + "\" in " + context + ", expected number or duration";
    }

    static String unexpectedInDuration(String quotedChar) {
        return "unexpected character in duration expression: " + quotedChar;
    }

    static String durationNotPositive() {
        return "duration must be greater than 0";
    }

    static String rangeOnNonSelector(String what) {
        return "ranges only allowed for vector selectors, not for " + what;
    }

    static String modifierBeforeRange(String modifiers) {
        return "no " + modifiers + " allowed before range";
    }

    static String modifierTwice(boolean offset) {
        return offset ? "offset may not be set multiple times" : "@ <timestamp> may not be set multiple times";
    }

    static String modifierWithoutSelector(boolean offset) {
        return (offset ? "offset modifier" : "@ modifier")
                + " must be preceded by an instant vector selector or range vector selector or a subquery";
    }

    static String unexpectedAfterAt(String found, String after, String expected) {
        return "unexpected " + found + " after @ " + after + ", expected " + expected;
    }

    static String atOutOfBounds(String timestamp) {
        return "timestamp out of bounds for @ modifier: " + timestamp;
    }

    // ------------------------------------------------------------------ types (the checker)

    static String scalarComparisonWithoutBool(String operator) {
        return "comparisons between scalars must use the bool modifier (\"" + operator + " bool\")";
    }

    static String binaryOperandType(ValueType got, String side, String operator) {
        return "binary expression must contain only scalar and instant vector types, got " + got.description()
                + " on the " + side + " of \"" + operator + "\"";
    }

    static String setOperatorOnScalar(String operator) {
        return "set operator \"" + operator + "\" not allowed in binary scalar expression";
    }

    static String unaryOperandType(ValueType got) {
        return "unary expression only allowed on expressions of type scalar or instant vector, got "
                + got.description();
    }

    static String argumentCount(Function f, int got) {
        String expected;
        if (f.minArgs() == f.maxArgs()) {
            expected = "expected " + f.minArgs() + " argument(s)";
        } else if (got < f.minArgs()) {
            expected = "expected at least " + f.minArgs() + " argument(s)";
        } else {
            expected = "expected at most " + f.maxArgs() + " argument(s)";
        }
        return expected + " in call to \"" + f.name() + "\", got " + got;
    }

    static String argumentType(ValueType want, String function, ValueType got) {
        return "expected type " + want.description() + " in call to function \"" + function + "\", got "
                + got.description();
    }

    static String aggregationBodyType(ValueType got) {
        return "expected type instant vector in aggregation expression, got " + got.description();
    }

    static String aggregationParamType(ValueType want, ValueType got) {
        return "expected type " + want.description() + " in aggregation parameter, got " + got.description();
    }

    static String subqueryTargetType(ValueType got) {
        return "subquery is only allowed on instant vector, got " + got.description() + " instead";
    }
}
