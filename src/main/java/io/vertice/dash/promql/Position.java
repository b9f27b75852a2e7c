package io.vertice.dash.promql;

/** A character offset in a text with its 1-based line and column. */
public record Position(int offset, int line, int column) {}
