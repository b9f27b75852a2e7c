package io.vertice.dash.promql;

import io.vertice.dash.promql.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The matchers between a selector's braces: {@code {a="b", c=~"d", "quoted.name"}}. Scans from the
 * '{' itself (inside braces the lexer's rules differ: no colons in label names, {@code =~} and
 * {@code !~} are operators) and checks what Prometheus checks there: regexes compile (RE2), the metric
 * name is set once, and at least one matcher does not match the empty string.
 */
final class SelectorParser {
    private final Lexer lex;

    SelectorParser(Lexer lex) {
        this.lex = lex;
    }

    private PromqlException fail(int offset, String message) {
        return lex.fail(offset, message);
    }

    /**
     * Parses the braces at {@code brace} of a selector starting at {@code start}, named {@code name} (or
     * null). The selector's span ends just after its '}'.
     */
    VectorSelector parse(String name, int start, int brace) {
        List<LabelMatcher> ms = new ArrayList<>(4);
        if (name != null) {
            Span at = lex.span(start, start + name.length());
            ms.add(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, name, at, at));
        }
        String quotedName = null;
        boolean nameMatcherSeen = false;
        boolean anyNonEmpty = name != null;
        int p = brace + 1;
        while (true) {
            p = skipInside(p);
            char c = lex.at(p);
            if (c == '}') {
                p++;
                break;
            }
            int labelStart = p;
            Token label;
            if (Lexer.isAlpha(c) || ((c == '$' || c == '[') && lex.startsVariable(p))) {
                label = lex.name(p, false);
            } else if (c == '"' || c == '\'' || c == '`') {
                label = lex.string(p);
            } else if (c == ',') {
                throw fail(p, Errors.commaInsteadOfLabel());
            } else {
                throw fail(p, Errors.unexpectedInBraces(lex.quoteChar(p), ""));
            }
            String labelName = label.text(); // the next scan refills label
            p = skipInside(label.end());
            c = lex.at(p);
            if (label.is(Kind.STRING) && (c == ',' || c == '}')) {
                // {"my.metric"}: a lone quoted string is the metric name
                if (name != null || quotedName != null) {
                    throw fail(labelStart, Errors.metricNameTwice(name != null ? name : quotedName, label.text()));
                }
                quotedName = label.text();
                Span at = lex.span(labelStart, p);
                ms.add(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, quotedName, at, at));
                anyNonEmpty |= !quotedName.isEmpty() || lex.hasVariable(labelStart, p);
                if (c == ',') {
                    p++;
                }
                continue;
            }
            MatchOp op = matchOp(p);
            p = skipInside(p + op.symbol().length());
            Token value = value(p);
            boolean templated = lex.hasVariable(value.start(), value.end());
            if (op.isRegex() && !templated) {
                String problem = Regexes.problem(value.text());
                if (problem != null) {
                    throw fail(
                            value.start(),
                            Errors.invalidRegex(lex.source().substring(value.start(), value.end()), problem));
                }
            }
            LabelMatcher m = new LabelMatcher(
                    labelName,
                    op,
                    value.text(),
                    lex.span(labelStart, value.end()),
                    lex.span(value.start(), value.end()));
            nameMatcherSeen |= m.name().equals(LabelMatcher.METRIC_NAME);
            ms.add(m);
            anyNonEmpty = anyNonEmpty || templated || !m.matchesEmpty();
            p = skipInside(value.end());
            c = lex.at(p);
            if (c == ',') {
                p++;
            } else if (c != '}') {
                throw fail(
                        p,
                        Lexer.isAlpha(c)
                                ? Errors.unexpectedInLabelMatching(
                                        "identifier \"" + lex.identAt(p) + "\"", "\",\" or \"}\"")
                                : Errors.unexpectedInBraces(lex.quoteChar(p), ", expected \",\" or \"}\""));
            }
        }
        if (name != null && nameMatcherSeen) {
            String other = ms.stream()
                    .skip(1)
                    .filter(m -> m.name().equals(LabelMatcher.METRIC_NAME))
                    .map(LabelMatcher::value)
                    .findFirst()
                    .orElse(null);
            throw fail(start, Errors.metricNameTwice(name, other));
        }
        if (!anyNonEmpty) {
            throw fail(start, Errors.onlyEmptyMatchers());
        }
        return new VectorSelector(name != null ? name : quotedName, ms, null, null, lex.span(start, p));
    }

    /** Skips blanks and comments; the end of input inside braces is an error. */
    private int skipInside(int p) {
        int q = lex.skipSpaceAndComments(p);
        if (q >= lex.length()) {
            throw fail(q, Errors.endInsideBraces());
        }
        return q;
    }

    private MatchOp matchOp(int p) {
        char c = lex.at(p);
        char d = lex.at(p + 1);
        if (c == '=') {
            return d == '~' ? MatchOp.REGEX : MatchOp.EQUAL;
        }
        if (c == '!') {
            if (d == '=') {
                return MatchOp.NOT_EQUAL;
            }
            if (d == '~') {
                return MatchOp.NOT_REGEX;
            }
            throw fail(p, Errors.unexpectedAfter('!', " inside braces", lex.quoteChar(p + 1)));
        }
        if (c == '}' || c == ',') {
            throw fail(p, Errors.unexpectedInLabelMatching("\"" + c + "\"", "label matching operator (=, !=, =~, !~)"));
        }
        if (Lexer.isAlpha(c)) {
            throw fail(
                    p,
                    Errors.unexpectedInLabelMatching(
                            "identifier \"" + lex.identAt(p) + "\"", "label matching operator"));
        }
        throw fail(p, Errors.unexpectedInBraces(lex.quoteChar(p), ""));
    }

    /** The quoted value after a matching operator. */
    private Token value(int p) {
        char c = lex.at(p);
        if (c == '"' || c == '\'' || c == '`') {
            return lex.string(p);
        }
        if (lex.startsVariable(p)) {
            String ref = lex.source().substring(p, lex.variableAt(p)[4]);
            throw fail(p, Errors.unquotedVariableValue(ref));
        }
        if (Lexer.isAlpha(c)) {
            throw fail(p, Errors.unexpectedInLabelMatching("identifier \"" + lex.identAt(p) + "\"", "string"));
        }
        if (c == '}' || c == ',' || c == '=' || c == '!' || c == '~') {
            throw fail(p, Errors.unexpectedInLabelMatching("\"" + c + "\"", "string"));
        }
        throw fail(p, Errors.unexpectedInBraces(lex.quoteChar(p), ""));
    }
}
