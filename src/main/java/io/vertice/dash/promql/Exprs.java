package io.vertice.dash.promql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** Helpers over expression trees. */
public final class Exprs {
    private Exprs() {
    }

    /**
     * Visits {@code root} and every descendant depth-first (pre-order, children left to right).
     * Iterative, so long operator chains cannot overflow the stack.
     */
    public static void walk(Expr root, Consumer<Expr> visitor) {
        Deque<Expr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Expr e = stack.pop();
            visitor.accept(e);
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }
    }

    /** Strips any number of enclosing parentheses. */
    public static Expr unwrapParens(Expr e) {
        while (e instanceof Paren p) {
            e = p.expr();
        }
        return e;
    }
}
