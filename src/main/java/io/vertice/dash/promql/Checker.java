package io.vertice.dash.promql;

import java.util.List;

/**
 * The type-checking pass over a finished tree, as Prometheus's {@code checkAST}: operand types of
 * operators, argument counts and types of calls and aggregations, what a subquery may follow. Takes the
 * tree's composite nodes children before parents (so the first error is the innermost, leftmost one), as
 * the parser lists them while building, and checks them in one loop: a tree of any depth, no recursion.
 */
final class Checker {
    private final Lexer lex;

    private Checker(Lexer lex) {
        this.lex = lex;
    }

    /** Throws the first type error among {@code nodes} (in post-order), whose positions are in the lexer's text. */
    static void check(List<Expr> nodes, Lexer lex) {
        Checker c = new Checker(lex);
        for (Expr e : nodes) {
            c.checkNode(e);
        }
    }

    private PromqlException fail(int offset, String message) {
        return lex.fail(offset, message);
    }

    /** Where the text continues after {@code e}: an operator after its left side, a bracket after a subquery's target. */
    private int after(Expr e) {
        return lex.skipSpaceAndComments(e.span().end());
    }

    private void checkNode(Expr e) {
        if (e instanceof Binary b) {
            binary(b);
        } else if (e instanceof Unary u) {
            ValueType t = u.expr().type();
            if (t != ValueType.SCALAR && t != ValueType.VECTOR) {
                throw fail(u.span().start(), Errors.unaryOperandType(t));
            }
        } else if (e instanceof Call c) {
            call(c);
        } else if (e instanceof Aggregation a) {
            if (a.expr().type() != ValueType.VECTOR) {
                throw fail(
                        a.expr().span().start(),
                        Errors.aggregationBodyType(a.expr().type()));
            }
            if (a.param() != null && a.param().type() != a.op().paramType()) {
                throw fail(
                        a.param().span().start(),
                        Errors.aggregationParamType(
                                a.op().paramType(), a.param().type()));
            }
        } else if (e instanceof Subquery sq && sq.expr().type() != ValueType.VECTOR) {
            throw fail(after(sq.expr()), Errors.subqueryTargetType(sq.expr().type()));
        }
    }

    private void binary(Binary b) {
        ValueType lt = b.lhs().type();
        ValueType rt = b.rhs().type();
        String sym = b.op().symbol();
        if (b.op().isComparison() && !b.returnBool() && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
            throw fail(after(b.lhs()), Errors.scalarComparisonWithoutBool(sym));
        }
        if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
            throw fail(b.lhs().span().start(), Errors.binaryOperandType(lt, "left", sym));
        }
        if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
            throw fail(b.rhs().span().start(), Errors.binaryOperandType(rt, "right", sym));
        }
        if (b.op().isSetOperator() && (lt == ValueType.SCALAR || rt == ValueType.SCALAR)) {
            throw fail(after(b.lhs()), Errors.setOperatorOnScalar(sym));
        }
    }

    private void call(Call c) {
        Function f = c.function();
        int count = c.args().size();
        if (count < f.minArgs() || count > f.maxArgs()) {
            int closingParen = c.span().end() - 1;
            throw fail(count > f.maxArgs() ? closingParen : c.span().start(), Errors.argumentCount(f, count));
        }
        for (int i = 0; i < count; i++) {
            Expr a = c.args().get(i);
            if (a.type() != f.argType(i)) {
                throw fail(a.span().start(), Errors.argumentType(f.argType(i), f.name(), a.type()));
            }
        }
    }
}
