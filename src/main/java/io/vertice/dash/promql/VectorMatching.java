package io.vertice.dash.promql;

import java.util.List;

/**
 * How the two sides of a vector-vector operation are matched: {@code on} (true) or {@code ignoring}
 * {@code labels}, and for {@code group_left}/{@code group_right} the extra {@code include} labels.
 * {@code explicit} tells whether {@code on}/{@code ignoring} was written.
 */
public record VectorMatching(
        Cardinality cardinality, List<String> labels, boolean on, List<String> include, boolean explicit) {
    public enum Cardinality {
        ONE_TO_ONE,
        MANY_TO_ONE,
        ONE_TO_MANY,
        MANY_TO_MANY
    }

    public VectorMatching {
        labels = List.copyOf(labels);
        include = List.copyOf(include);
    }
}
