package io.vertice.dash.validate;

/** The ways {@code dash validate} prints a report; see {@link Reports}. */
public enum ReportFormat {
    TEXT,
    JSON,
    JUNIT,
    GITHUB
}
