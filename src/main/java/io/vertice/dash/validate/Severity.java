package io.vertice.dash.validate;

import java.util.Locale;

/** How bad a finding is: only {@link #ERROR} makes {@code dash validate} exit 1. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** Lower-case word as printed in every output format. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
