package io.vertice.dash.promql;

import io.vertice.dash.promql.Token.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for PromQL over the {@link Lexer}'s tokens, with precedence climbing for
 * binary operators: an operator chain is a loop, not a recursion. It builds the tree and reports syntax
 * errors; types are checked afterwards by {@link Checker}, as Prometheus's {@code checkAST} does.
 *
 * <p>Nesting (parentheses, calls, unary signs, {@code ^} chains) recurses. {@link #parse} counts the
 * depth and gives up with {@link TooDeep} past {@code maxDepth}, so that {@link PromQL} can run it again
 * on a thread with a stack big enough for any input Prometheus accepts.
 *
 * <p>In Grafana mode a variable gets the type its position needs, as if substituted: a duration inside
 * range brackets and after {@code offset}; a name where a label name stands and glued into names;
 * Grafana's macros are numbers elsewhere; a lone user variable is a metric name, or a number where a
 * scalar is required. Nothing is rewritten, so every position is one of the original text.
 */
final class Parser {
    /** Thrown when the nesting passes the parser's limit; carries no stack trace. */
    static final class TooDeep extends RuntimeException {
        TooDeep() {
            super("nested deeper than the current thread's limit", null, false, false);
        }
    }

    /** What an operator without on/ignoring matches by: one-to-one on all labels. */
    private static final VectorMatching NO_MATCHING_CLAUSE =
            new VectorMatching(VectorMatching.Cardinality.ONE_TO_ONE, List.of(), false, List.of(), false);

    private final Lexer lex;
    private final SelectorParser selectors;
    private final int maxDepth;
    /** MetricsQL: its functions, operators and modifiers are accepted (see {@link MetricsqlFunctions}). */
    private final boolean metricsql;
    /** The nodes with operand types to check, children before parents (the order they are built in). */
    private final List<Expr> toCheck = new ArrayList<>();

    private Token tok;
    private int depth;

    Parser(Lexer lex, int maxDepth, Dialect dialect) {
        this.lex = lex;
        this.metricsql = dialect == Dialect.METRICSQL;
        this.selectors = new SelectorParser(lex);
        this.maxDepth = maxDepth;
    }

    /**
     * The operators, calls, aggregations and subqueries of the parsed tree in post-order (every node after
     * its children), for {@link Checker}: building order is post-order, so no second walk is needed.
     */
    List<Expr> nodesToCheck() {
        return toCheck;
    }

    /** Notes a node whose operand types {@link Checker} checks once the tree is complete. */
    private <E extends Expr> E typed(E node) {
        toCheck.add(node);
        return node;
    }

    Expr parse() {
        tok = lex.next(0);
        if (tok.is(Kind.EOF)) {
            throw fail(0, Errors.noExpression());
        }
        Expr e = parseExpr(0);
        if (!tok.is(Kind.EOF)) {
            throw fail(
                    tok.start(),
                    tok.is(Kind.RPAREN) ? Errors.unexpectedRightParen() : Errors.unexpectedAfterExpression(describe()));
        }
        return e;
    }

    private void next() {
        tok = lex.next(tok.end());
    }

    /** Continues lexing expressions at p (after text the parser scanned itself: braces, brackets). */
    private void resumeAt(int p) {
        tok = lex.next(p);
    }

    private PromqlException fail(int offset, String message) {
        return lex.fail(offset, message);
    }

    private Span span(int start, int end) {
        return lex.span(start, end);
    }

    private String describe() {
        String t = lex.source().substring(tok.start(), tok.end());
        return switch (tok.kind()) {
            case EOF -> "end of input";
            case NUMBER -> "number \"" + t + "\"";
            case DURATION -> "duration \"" + t + "\"";
            case STRING -> "string " + t.substring(0, Math.min(t.length(), 40));
            case VAR -> "Grafana variable \"" + t + "\"";
            case IDENT -> (Errors.isKeyword(t) ? "keyword \"" : "identifier \"") + t + "\"";
            default -> "\"" + t + "\"";
        };
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new TooDeep();
        }
    }

    // ------------------------------------------------------------------ operators

    /** Precedence climbing: parses operators binding at least as tightly as minPrec, left to right in a loop. */
    private Expr parseExpr(int minPrec) {
        enter();
        Expr lhs = parseUnary();
        while (true) {
            BinaryOp op = tok.binaryOp();
            if (op != null && op.metricsqlOnly() && !metricsql) {
                op = null;
            }
            if (op == null || op.precedence() < minPrec) {
                break;
            }
            int opStart = tok.start();
            next();
            boolean returnBool = tok.isWord("bool");
            if (returnBool) {
                if (!op.isComparison()) {
                    throw fail(opStart, Errors.boolOnNonComparison(op.symbol()));
                }
                next();
            }
            VectorMatching matching = parseMatching(opStart);
            Expr rhs = parseExpr(op.rightAssociative() ? op.precedence() : op.precedence() + 1);
            lhs = typed(new Binary(
                    op,
                    lhs,
                    rhs,
                    returnBool,
                    matchingFor(op, opStart, lhs, rhs, matching),
                    span(lhs.span().start(), rhs.span().end())));
        }
        depth--;
        return lhs;
    }

    /**
     * The {@code on}/{@code ignoring} and {@code group_left}/{@code group_right} clause after an operator, as
     * written (one-to-one when absent); the checker drops it where a side is a scalar, as Prometheus does.
     */
    private VectorMatching parseMatching(int opStart) {
        if (!tok.isWord("on") && !tok.isWord("ignoring")) {
            return NO_MATCHING_CLAUSE;
        }
        boolean on = tok.isWord("on");
        next();
        List<String> labels = parseLabelList("vector matching").labels();
        VectorMatching.Cardinality card = VectorMatching.Cardinality.ONE_TO_ONE;
        List<String> include = List.of();
        if (tok.isWord("group_left") || tok.isWord("group_right")) {
            card = tok.isWord("group_left")
                    ? VectorMatching.Cardinality.MANY_TO_ONE
                    : VectorMatching.Cardinality.ONE_TO_MANY;
            next();
            if (tok.is(Kind.LPAREN)) {
                include = parseLabelList("grouping").labels();
            }
        }
        if (on) {
            for (String l : include) {
                if (labels.contains(l)) {
                    throw fail(opStart, Errors.labelInOnAndGroup(l, Errors.groupWord(card)));
                }
            }
        }
        return new VectorMatching(card, labels, on, include, true);
    }

    /**
     * The matching a binary node keeps, as Prometheus keeps it: only between two instant vectors (a
     * written {@code on}/{@code ignoring} list anywhere else is an error), many-to-many for set operators.
     */
    private VectorMatching matchingFor(BinaryOp op, int opStart, Expr lhs, Expr rhs, VectorMatching written) {
        if (lhs.type() != ValueType.VECTOR || rhs.type() != ValueType.VECTOR) {
            if (!written.labels().isEmpty()) {
                throw fail(opStart, Errors.matchingWithoutVectors());
            }
            return null;
        }
        if (!op.isSetOperator()) {
            return written;
        }
        if (written.cardinality() != VectorMatching.Cardinality.ONE_TO_ONE) {
            throw fail(opStart, Errors.groupingOnSetOperator(Errors.groupWord(written.cardinality()), op.symbol()));
        }
        return new VectorMatching(
                VectorMatching.Cardinality.MANY_TO_MANY,
                written.labels(),
                written.on(),
                written.include(),
                written.explicit());
    }

    private Expr parseUnary() {
        if (!tok.is(Kind.ADD) && !tok.is(Kind.SUB)) {
            return parsePostfix();
        }
        boolean negative = tok.is(Kind.SUB);
        Span sign = span(tok.start(), tok.end());
        next();
        // unary binds like * : looser than ^, tighter than everything else
        Expr operand = parseExpr(BinaryOp.POW.precedence());
        Span sp = new Span(sign.start(), operand.span().end(), sign.line(), sign.column());
        if (operand instanceof NumberLiteral num) {
            return new NumberLiteral(negative ? -num.value() : num.value(), sp);
        }
        return typed(new Unary(negative, operand, sp));
    }

    /** A primary expression followed by any range/subquery brackets, offset and @ modifiers. */
    private Expr parsePostfix() {
        Expr e = parsePrimary();
        while (true) {
            if (tok.is(Kind.LBRACKET)) {
                e = parseRangeOrSubquery(e);
            } else if (tok.is(Kind.AT)) {
                e = parseAt(e);
            } else if (tok.isWord("offset")) {
                e = parseOffset(e);
            } else if (metricsql && tok.isWord("keep_metric_names")) {
                next(); // MetricsQL: the result keeps the metric name; nothing to check
            } else if (metricsql && tok.isWord("limit") && isAggregation(e)) {
                next(); // MetricsQL: at most N output series of the aggregation
                if (!tok.is(Kind.NUMBER)) {
                    throw fail(tok.start(), Errors.unexpectedIn(describe(), "limit", "a number"));
                }
                next();
            } else if (tok.isWord("anchored") || tok.isWord("smoothed")) {
                throw fail(tok.start(), Errors.experimentalModifier(tok.text().toLowerCase(Locale.ROOT)));
            } else {
                return e;
            }
        }
    }

    private Expr parsePrimary() {
        // tok is refilled by next(): copy out what is needed after it
        int start = tok.start();
        switch (tok.kind()) {
            case NUMBER, DURATION -> {
                NumberLiteral literal = new NumberLiteral(tok.number(), span(start, tok.end()));
                next();
                return literal;
            }
            case STRING -> {
                StringLiteral literal = new StringLiteral(tok.text(), lex.at(start), span(start, tok.end()));
                next();
                return literal;
            }
            case LPAREN -> {
                next();
                if (tok.is(Kind.RPAREN)) {
                    throw fail(tok.start(), Errors.emptyParentheses());
                }
                Expr inner = parseExpr(0);
                if (!tok.is(Kind.RPAREN)) {
                    throw tok.is(Kind.EOF)
                            ? fail(start, Errors.unclosedLeftParen())
                            : fail(tok.start(), Errors.unexpectedExpecting(describe(), "\")\" or an operator"));
                }
                int end = tok.end();
                next();
                return new Paren(inner, span(start, end));
            }
            case LBRACE -> {
                return parseSelector(null, start, start);
            }
            case IDENT -> {
                return parseIdentifierExpr();
            }
            case VAR -> {
                return parseVariable();
            }
            case EOF -> throw fail(start, Errors.unexpectedEnd());
            case RPAREN -> throw fail(start, Errors.unexpectedRightParen());
            case EQL -> throw fail(start, Errors.singleEquals());
            default -> throw fail(start, Errors.unexpected(describe()));
        }
    }

    // ------------------------------------------------------------------ names, calls, aggregations

    /**
     * A standalone variable where an expression starts. Grafana's macros ({@code $__range_s},
     * {@code $__interval_ms}, ...) are numbers. A user variable is a metric name ({@code sum($metric)},
     * {@code $metric{job="x"}}), and becomes a number where a scalar is required ({@code topk($n, ...)}).
     */
    private Expr parseVariable() {
        Token t = tok;
        String name = lex.variables().get(t.variable()).name();
        if (name.startsWith("__")) {
            NumberLiteral literal =
                    new NumberLiteral(GrafanaVariables.placeholderNumber(name), span(t.start(), t.end()));
            next();
            return literal;
        }
        return metricSelector(t.text(), t.start(), t.end());
    }

    private Expr metricSelector(String name, int start, int end) {
        next();
        if (tok.is(Kind.LBRACE)) {
            return parseSelector(name, start, tok.start());
        }
        Span at = span(start, end);
        return new VectorSelector(
                name, List.of(new LabelMatcher(LabelMatcher.METRIC_NAME, MatchOp.EQUAL, name, at, at)), null, null, at);
    }

    private Expr parseIdentifierExpr() {
        Token t = tok;
        String w = t.text();
        if (t.hasVariable()) {
            if (lex.followedBy(t.end(), '(')) {
                throw fail(t.start(), Errors.variableInFunctionName(w));
            }
            return metricSelector(w, t.start(), t.end());
        }
        if (t.isWord("inf") || t.isWord("nan")) {
            NumberLiteral literal = new NumberLiteral(
                    t.isWord("inf") ? Double.POSITIVE_INFINITY : Double.NaN, span(t.start(), t.end()));
            next();
            return literal;
        }
        boolean paren = lex.followedBy(t.end(), '(');
        if (metricsql && (paren || lex.followedByWord(t.end(), "by") || lex.followedByWord(t.end(), "without"))) {
            MetricsqlFunctions.Kind kind = MetricsqlFunctions.kind(w);
            if (kind == MetricsqlFunctions.Kind.AGGREGATE) {
                AggregationOp agg = AggregationOp.of(w);
                return agg != null ? parseAggregation(agg, t.start()) : parseMetricsqlAggregation(w, t.start());
            }
            if (paren && (kind != null || Functions.get(w) != null)) {
                return parseCall(w, t.start());
            }
        }
        if (paren || lex.followedByWord(t.end(), "by") || lex.followedByWord(t.end(), "without")) {
            AggregationOp agg = AggregationOp.of(w);
            if (agg != null) {
                return parseAggregation(agg, t.start());
            }
            if (t.isWord("limitk") || t.isWord("limit_ratio")) {
                throw fail(t.start(), Errors.experimentalAggregation(w.toLowerCase(Locale.ROOT)));
            }
        }
        if (paren) {
            return parseCall(w, t.start());
        }
        if (t.isWord("on")
                || t.isWord("ignoring")
                || t.isWord("group_left")
                || t.isWord("group_right")
                || t.isWord("bool")
                || t.isWord("atan2")) {
            throw fail(t.start(), Errors.unexpectedKeyword(w));
        }
        return metricSelector(w, t.start(), t.end());
    }

    private Expr parseCall(String name, int start) {
        Function f = metricsql ? MetricsqlFunctions.signature(name) : Functions.get(name);
        if (f == null) {
            throw fail(
                    start,
                    Functions.isUnsupported(name) ? Errors.experimentalFunction(name) : Errors.unknownFunction(name));
        }
        next(); // name
        List<Expr> args = parseArgs("function call");
        int end = tok.end();
        next(); // ')'
        for (int i = 0; i < args.size() && i < f.maxArgs(); i++) {
            if (f.argType(i) == ValueType.SCALAR) {
                args.set(i, asScalarIfVariable(args.get(i)));
            }
        }
        return typed(new Call(f, args, span(start, end)));
    }

    /** A lone user variable parsed as a metric name stands for a number where a scalar is required. */
    private Expr asScalarIfVariable(Expr e) {
        if (e instanceof VectorSelector v
                && v.name() != null
                && v.matchers().size() == 1
                && v.offset() == null
                && v.at() == null
                && v.span().length() == v.name().length()) {
            int[] m = GrafanaVariables.match(v.name(), 0);
            if (m != null
                    && m[4] == v.name().length()
                    && lex.hasVariable(v.span().start(), v.span().end())) {
                return new NumberLiteral(
                        GrafanaVariables.placeholderNumber(v.name().substring(m[0], m[1])), v.span());
            }
        }
        return e;
    }

    /** Parses {@code ( expr, expr ... )} with the current token at '('; leaves the current token at ')'. */
    private List<Expr> parseArgs(String what) {
        int lparen = tok.start();
        next(); // '('
        List<Expr> args = new ArrayList<>(4);
        if (tok.is(Kind.RPAREN)) {
            return args;
        }
        enter();
        while (true) {
            if (tok.is(Kind.EOF)) {
                throw fail(lparen, Errors.unclosedLeftParen());
            }
            args.add(parseExpr(0));
            if (tok.is(Kind.COMMA)) {
                next();
                if (tok.is(Kind.RPAREN)) {
                    throw fail(tok.start(), Errors.trailingComma(what));
                }
                continue;
            }
            if (tok.is(Kind.RPAREN)) {
                break;
            }
            throw tok.is(Kind.EOF)
                    ? fail(lparen, Errors.unclosedLeftParen())
                    : fail(tok.start(), Errors.unexpectedIn(describe(), what, "\",\" or \")\""));
        }
        depth--;
        return args;
    }

    private Expr parseAggregation(AggregationOp op, int start) {
        next(); // operator keyword
        LabelList grouping = null;
        boolean without = false;
        if (tok.isWord("by") || tok.isWord("without")) {
            without = tok.isWord("without");
            next();
            grouping = parseLabelList("grouping opts");
        }
        if (!tok.is(Kind.LPAREN)) {
            throw fail(tok.start(), Errors.unexpectedIn(describe(), "aggregation", "\"(\""));
        }
        int lparen = tok.start();
        List<Expr> args = parseArgs("aggregation");
        int end = tok.end();
        next(); // ')'
        if (tok.isWord("by") || tok.isWord("without")) {
            if (grouping != null) {
                throw fail(tok.start(), Errors.secondGrouping(describe(), without ? "without" : "by"));
            }
            without = tok.isWord("without");
            next();
            grouping = parseLabelList("grouping opts");
            end = grouping.end();
        }
        if (args.isEmpty()) {
            throw fail(lparen, Errors.noAggregationArguments());
        }
        int wanted = op.paramType() == null ? 1 : 2;
        if (args.size() != wanted) {
            throw fail(lparen, Errors.aggregationArgumentCount(wanted, args.size()));
        }
        Expr param = wanted == 2 ? args.get(0) : null;
        if (param != null && op.paramType() == ValueType.SCALAR) {
            param = asScalarIfVariable(param);
        }
        return typed(new Aggregation(
                op,
                args.get(wanted - 1),
                param,
                grouping == null ? List.of() : grouping.labels(),
                without,
                span(start, end)));
    }

    private static boolean isAggregation(Expr e) {
        return e instanceof Aggregation
                || (e instanceof Call c
                        && MetricsqlFunctions.kind(c.function().name()) == MetricsqlFunctions.Kind.AGGREGATE);
    }

    /** A MetricsQL-only aggregate function ({@code topk_max}, {@code median} ...): any arguments, grouping before or after. */
    private Expr parseMetricsqlAggregation(String name, int start) {
        next(); // function name
        boolean grouped = tok.isWord("by") || tok.isWord("without");
        if (grouped) {
            next();
            parseLabelList("grouping opts");
        }
        if (!tok.is(Kind.LPAREN)) {
            throw fail(tok.start(), Errors.unexpectedIn(describe(), "aggregation", "\"(\""));
        }
        List<Expr> args = parseArgs("aggregation");
        int end = tok.end();
        next(); // ')'
        if (!grouped && (tok.isWord("by") || tok.isWord("without"))) {
            next();
            end = parseLabelList("grouping opts").end();
        }
        return new Call(MetricsqlFunctions.signature(name), args, span(start, end));
    }

    /** Labels in parentheses and the end offset of the closing ')'. */
    private record LabelList(List<String> labels, int end) {}

    /** Parses {@code (label, label, ...)}; labels may be identifiers (keywords too) or quoted strings. */
    private LabelList parseLabelList(String context) {
        if (!tok.is(Kind.LPAREN)) {
            throw fail(tok.start(), Errors.unexpectedIn(describe(), context, "\"(\""));
        }
        int lparen = tok.start();
        next();
        List<String> labels = new ArrayList<>(4);
        while (!tok.is(Kind.RPAREN)) {
            switch (tok.kind()) {
                case VAR, STRING -> labels.add(tok.text());
                case IDENT -> {
                    if (tok.text().indexOf(':') >= 0) {
                        throw fail(tok.start(), Errors.colonInLabel(tok.text(), context));
                    }
                    labels.add(tok.text());
                }
                case EOF -> throw fail(lparen, Errors.unclosedLeftParen());
                default -> throw fail(tok.start(), Errors.unexpectedIn(describe(), context, "label"));
            }
            next();
            if (tok.is(Kind.COMMA)) {
                next();
            } else if (!tok.is(Kind.RPAREN)) {
                throw tok.is(Kind.EOF)
                        ? fail(lparen, Errors.unclosedLeftParen())
                        : fail(tok.start(), Errors.unexpectedIn(describe(), context, "\",\" or \")\""));
            }
        }
        int end = tok.end();
        next();
        return new LabelList(labels, end);
    }

    // ------------------------------------------------------------------ selectors

    /** Parses the braces of a selector; {@code brace} is the offset of '{'. Matchers come from {@link SelectorParser}. */
    private Expr parseSelector(String name, int start, int brace) {
        VectorSelector selector = selectors.parse(name, start, brace);
        resumeAt(selector.span().end());
        return selector;
    }

    // ------------------------------------------------------------------ ranges, subqueries, modifiers

    /** A duration inside brackets or after offset: its length and where it was written. */
    private record Dur(long nanos, int start, int end) {}

    /** Scans a number (seconds) or duration at p inside brackets. */
    private Dur bracketDuration(int p, String where) {
        char c = lex.at(p);
        if (p >= lex.length()) {
            throw fail(p, Errors.endInDuration());
        }
        if ((c == '$' || c == '[') && lex.startsVariable(p)) {
            int[] m = lex.variableAt(p);
            String name = lex.text(m[0], m[1]);
            int q = lex.recordVariable(p);
            while (Lexer.isAlpha(lex.at(q))) {
                q++; // a unit after a numeric macro: [${__range_s}s]
            }
            return new Dur(GrafanaVariables.placeholderNanos(name), p, q);
        }
        char d = lex.at(p + 1);
        if (Lexer.isDigit(c) || (c == '.' && Lexer.isDigit(d))) {
            Token t = lex.number(p);
            return new Dur(t.is(Kind.DURATION) ? t.nanos() : secondsToNanos(t.number(), p), p, t.end());
        }
        if (c == ']' || c == ':') {
            throw fail(p, Errors.expectedDurationIn(c, where));
        }
        if (c == '(' || c == '-' || c == '+' || Lexer.isAlpha(c)) {
            if (c == '-' && Lexer.isDigit(d)) {
                int q = lex.skipSpaces(lex.number(p + 1).end());
                if (lex.at(q) == ']' || lex.at(q) == ':') {
                    throw fail(p, Errors.durationNotPositive());
                }
            }
            if (Lexer.isAlpha(c)) {
                String w = lex.identAt(p);
                if (!isDurationFunction(w) || !lex.followedBy(p + w.length(), '(')) {
                    throw fail(p, Errors.unexpectedInDuration(lex.quoteChar(p)));
                }
            }
            throw fail(p, Errors.experimentalDurationExpression());
        }
        throw fail(p, Errors.unexpectedInDuration(lex.quoteChar(p)));
    }

    /** Prometheus 3's duration functions (experimental there, so rejected here with that reason). */
    private static boolean isDurationFunction(String word) {
        return word.equals("step") || word.equals("range") || word.equals("min_of") || word.equals("max_of");
    }

    private long secondsToNanos(double seconds, int at) {
        double nanos = seconds * 1e9;
        if (Double.isNaN(nanos) || Math.abs(nanos) >= (double) Long.MAX_VALUE) {
            throw fail(at, Errors.durationOutOfRange(null));
        }
        return Math.round(nanos);
    }

    private Expr parseRangeOrSubquery(Expr target) {
        int bracket = tok.start();
        Dur range = bracketDuration(lex.skipSpaces(bracket + 1), "subquery or range selector");
        int p = lex.skipSpaces(range.end());
        Dur step = null;
        boolean subquery = lex.at(p) == ':';
        if (subquery) {
            p = lex.skipSpaces(p + 1);
            if (p < lex.length() && lex.at(p) != ']') {
                step = bracketDuration(p, "subquery step");
                p = lex.skipSpaces(step.end());
            }
        }
        if (p >= lex.length()) {
            throw fail(p, Errors.endInDuration());
        }
        char c = lex.at(p);
        if (c != ']') {
            throw fail(
                    p,
                    "+-*/%^(".indexOf(c) >= 0
                            ? Errors.experimentalDurationExpression()
                            : Errors.unexpectedCharacterExpecting(
                                    lex.quoteChar(p), subquery ? "\"]\"" : "\":\" or \"]\""));
        }
        int end = p + 1;
        if (range.nanos() <= 0) {
            throw fail(range.start(), Errors.durationNotPositive());
        }
        if (step != null && step.nanos() <= 0) {
            throw fail(step.start(), Errors.durationNotPositive());
        }
        String rangeText = lex.source().substring(range.start(), range.end());
        Expr result;
        // MetricsQL: a range after anything but a selector is an implicit subquery at the default step
        if (subquery || (metricsql && !(target instanceof VectorSelector))) {
            result = typed(new Subquery(
                    target,
                    Duration.ofNanos(range.nanos()),
                    rangeText,
                    step == null ? null : Duration.ofNanos(step.nanos()),
                    step == null ? null : lex.source().substring(step.start(), step.end()),
                    null,
                    null,
                    span(target.span().start(), end)));
        } else {
            if (!(target instanceof VectorSelector vs)) {
                throw fail(bracket, Errors.rangeOnNonSelector(Errors.what(target)));
            }
            if (vs.offset() != null || vs.at() != null) {
                throw fail(
                        bracket, Errors.modifierBeforeRange(vs.offset() != null ? "offset modifiers" : "@ modifiers"));
            }
            result = new MatrixSelector(
                    vs,
                    Duration.ofNanos(range.nanos()),
                    rangeText,
                    span(vs.span().start(), end));
        }
        resumeAt(end);
        return result;
    }

    private Expr parseOffset(Expr target) {
        int kw = tok.start();
        next();
        boolean negative = tok.is(Kind.SUB);
        if (negative || tok.is(Kind.ADD)) {
            next();
        }
        long nanos;
        if (tok.hasVariable() && (tok.is(Kind.VAR) || tok.is(Kind.IDENT))) {
            nanos = GrafanaVariables.placeholderNanos(
                    lex.variables().get(tok.variable()).name());
        } else if (tok.is(Kind.NUMBER)) {
            nanos = secondsToNanos(tok.number(), tok.start());
        } else if (tok.is(Kind.DURATION)) {
            nanos = tok.nanos();
        } else if (tok.is(Kind.LPAREN)
                || (tok.is(Kind.IDENT) && isDurationFunction(tok.text().toLowerCase(Locale.ROOT)))) {
            throw fail(tok.start(), Errors.experimentalOffsetExpression());
        } else {
            throw fail(tok.start(), Errors.unexpectedIn(describe(), "offset", "number or duration"));
        }
        int end = tok.end();
        next();
        return modify(target, kw, span(target.span().start(), end), Duration.ofNanos(negative ? -nanos : nanos), null);
    }

    private Expr parseAt(Expr target) {
        int at = tok.start();
        next();
        boolean negative = tok.is(Kind.SUB);
        if (negative || tok.is(Kind.ADD)) {
            next();
        }
        AtModifier.Kind kind = AtModifier.Kind.TIMESTAMP;
        double ts;
        if (tok.is(Kind.VAR)) {
            ts = GrafanaVariables.placeholderNumber(
                            lex.variables().get(tok.variable()).name())
                    / 1000;
        } else if (tok.is(Kind.NUMBER) || tok.is(Kind.DURATION)) {
            ts = tok.number();
        } else if (tok.isWord("inf") || tok.isWord("nan")) {
            ts = tok.isWord("inf") ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (!negative && (tok.isWord("start") || tok.isWord("end"))) {
            kind = tok.isWord("start") ? AtModifier.Kind.START : AtModifier.Kind.END;
            ts = 0;
            String w = tok.text().toLowerCase(Locale.ROOT);
            next();
            if (!tok.is(Kind.LPAREN)) {
                throw fail(tok.start(), Errors.unexpectedAfterAt(describe(), w, "\"()\""));
            }
            next();
            if (!tok.is(Kind.RPAREN)) {
                throw fail(tok.start(), Errors.unexpectedAfterAt(describe(), w + "(", "\")\""));
            }
        } else {
            throw fail(tok.start(), Errors.unexpectedIn(describe(), "@", "timestamp, start() or end()"));
        }
        int end = tok.end();
        next();
        if (negative) {
            ts = -ts;
        }
        if (kind == AtModifier.Kind.TIMESTAMP
                && (Double.isNaN(ts) || Double.isInfinite(ts) || Math.abs(ts) * 1000 >= (double) Long.MAX_VALUE)) {
            throw fail(
                    at, Errors.atOutOfBounds(lex.source().substring(at + 1, end).strip()));
        }
        return modify(target, at, span(target.span().start(), end), null, new AtModifier(kind, ts, span(at, end)));
    }

    /**
     * Sets an {@code offset} (when {@code offset} is given) or {@code @} modifier on what it may follow:
     * a vector selector, a range selector (on its selector, as Prometheus keeps it) or a subquery.
     * {@code keyword} is where the modifier was written, {@code span} the modified expression's new extent.
     */
    private Expr modify(Expr target, int keyword, Span span, Duration offset, AtModifier at) {
        boolean isOffset = offset != null;
        if (target instanceof VectorSelector vs) {
            requireUnset(isOffset ? vs.offset() : vs.at(), keyword, isOffset);
            return new VectorSelector(
                    vs.name(), vs.matchers(), isOffset ? offset : vs.offset(), isOffset ? vs.at() : at, span);
        }
        if (target instanceof MatrixSelector ms) {
            VectorSelector vs = ms.selector();
            requireUnset(isOffset ? vs.offset() : vs.at(), keyword, isOffset);
            VectorSelector modified = new VectorSelector(
                    vs.name(), vs.matchers(), isOffset ? offset : vs.offset(), isOffset ? vs.at() : at, vs.span());
            return new MatrixSelector(modified, ms.range(), ms.rangeText(), span);
        }
        if (target instanceof Subquery sq) {
            requireUnset(isOffset ? sq.offset() : sq.at(), keyword, isOffset);
            return new Subquery(
                    sq.expr(),
                    sq.range(),
                    sq.rangeText(),
                    sq.step(),
                    sq.stepText(),
                    isOffset ? offset : sq.offset(),
                    isOffset ? sq.at() : at,
                    span);
        }
        if (metricsql) {
            return target; // MetricsQL shifts any expression in time; the tree keeps no modifier for it
        }
        throw fail(keyword, Errors.modifierWithoutSelector(isOffset));
    }

    private void requireUnset(Object existing, int keyword, boolean isOffset) {
        if (existing != null) {
            throw fail(keyword, Errors.modifierTwice(isOffset));
        }
    }
}
