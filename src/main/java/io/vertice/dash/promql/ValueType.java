package io.vertice.dash.promql;

/** The four PromQL value types, named as Prometheus names them in its error messages. */
public enum ValueType {
    SCALAR("scalar"),
    STRING("string"),
    VECTOR("instant vector"),
    MATRIX("range vector");

    private final String description;

    ValueType(String description) {
        this.description = description;
    }

    /** How Prometheus calls the type in messages, e.g. {@code instant vector}. */
    public String description() {
        return description;
    }
}
