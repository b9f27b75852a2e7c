package io.vertice.dash.promql;

import java.util.List;

/**
 * A PromQL function signature. {@code variadic} follows Prometheus: 0 = exactly {@code argTypes.size()}
 * arguments; n &gt; 0 = the last argument is optional and up to n-1 more of the last type may follow;
 * -1 = the last argument may repeat without limit. {@code experimental} marks functions that current
 * Prometheus only accepts with {@code --enable-feature=promql-experimental-functions}.
 */
public record Function(
        String name, List<ValueType> argTypes, int variadic, ValueType returnType, boolean experimental) {
    public Function {
        argTypes = List.copyOf(argTypes);
    }

    /** Fewest arguments accepted. */
    public int minArgs() {
        return variadic == 0 ? argTypes.size() : argTypes.size() - 1;
    }

    /** Most arguments accepted, or {@link Integer#MAX_VALUE} when unlimited. */
    public int maxArgs() {
        if (variadic == 0) {
            return argTypes.size();
        }
        return variadic < 0 ? Integer.MAX_VALUE : argTypes.size() + variadic - 1;
    }

    /** Expected type of argument {@code index} (0-based); extra variadic arguments repeat the last type. */
    public ValueType argType(int index) {
        return argTypes.get(Math.min(index, argTypes.size() - 1));
    }
}
