package io.vertice.dash.promql;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Helpers over expression trees. */
public final class Exprs {
    private Exprs() {}

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

    /**
     * Visits every node of {@code root} children first (post-order, left to right), {@code root} last.
     * Iterative: a tree of any depth is visited without growing the call stack.
     */
    public static void postOrder(Expr root, Consumer<Expr> visitor) {
        // two parallel arrays, not a deque of boxed indexes: the parser runs this over every expression
        Expr[] nodes = new Expr[16];
        int[] nextChild = new int[16];
        int top = 0;
        nodes[0] = root;
        while (top >= 0) {
            Expr e = nodes[top];
            List<Expr> children = e.children();
            int i = nextChild[top];
            if (i < children.size()) {
                nextChild[top] = i + 1;
                if (++top == nodes.length) {
                    nodes = Arrays.copyOf(nodes, top * 2);
                    nextChild = Arrays.copyOf(nextChild, top * 2);
                }
                nodes[top] = children.get(i);
                nextChild[top] = 0;
            } else {
                nodes[top--] = null;
                visitor.accept(e);
            }
        }
    }

    /**
     * Visits {@code root} and every descendant in the order of {@link #walk}, each with its ancestors
     * (root first). The ancestor list is a read-only view, valid during the call only; copy it to keep it.
     * Iterative, and linear in the tree's size however deep it is.
     */
    public static void walkWithAncestors(Expr root, BiConsumer<Expr, List<Expr>> visitor) {
        List<Expr> path = new ArrayList<>();
        List<Expr> view = Collections.unmodifiableList(path);
        Deque<Expr> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Expr e = nodes.pop();
            int depth = depths.pop();
            path.subList(depth, path.size()).clear();
            visitor.accept(e, view);
            path.add(e);
            List<Expr> children = e.children();
            for (int i = children.size() - 1; i >= 0; i--) {
                nodes.push(children.get(i));
                depths.push(depth + 1);
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
