package io.vertice.dash.validate;

/**
 * Why a query does not parse: the message and, when it points into the query as written, its 1-based line
 * and column (null when it arose only with a variable's value filled in).
 */
public record SyntaxError(String message, Integer line, Integer column) {}
