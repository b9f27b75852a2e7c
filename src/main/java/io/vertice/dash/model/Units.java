package io.vertice.dash.model;

/** Grafana unit ids used by the cockpit; the names say what the numbers are. */
public final class Units {
    /** A 0..1 ratio shown as a percentage (0.42 -> 42%). Not {@link #PERCENT}. */
    public static final String PERCENT_UNIT = "percentunit";
    /** A number already in 0..100. */
    public static final String PERCENT = "percent";

    public static final String SECONDS = "s";
    public static final String BYTES = "bytes";
    /** Operations (events) per second. */
    public static final String OPS = "ops";
    /** Events per minute. */
    public static final String OPM = "opm";
    /** A plain number without unit. */
    public static final String NONE = "none";
    /** A plain count, shown as a short number (1.2K). */
    public static final String SHORT = "short";
    /** Text values (state names). */
    public static final String STRING = "string";

    private Units() {}
}
