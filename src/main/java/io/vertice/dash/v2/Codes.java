package io.vertice.dash.v2;

import java.util.List;

/**
 * The classic numeric codes and their v2 names, one table per concept, read both ways. An unknown
 * code or name maps to the first entry, as Grafana's converter does.
 */
// names is List.of(...): unmodifiable, so the enum is immutable in fact
@SuppressWarnings("ImmutableEnumChecker")
enum Codes {
    /** {@code graphTooltip} ↔ {@code cursorSync}. */
    CURSOR_SYNC("Off", "Crosshair", "Tooltip"),
    /** A variable's {@code hide}. */
    VARIABLE_HIDE("dontHide", "hideLabel", "hideVariable"),
    /** A variable's {@code refresh}. */
    VARIABLE_REFRESH("never", "onDashboardLoad", "onTimeRangeChanged"),
    /** A query variable's {@code sort}. */
    VARIABLE_SORT(
            "disabled",
            "alphabeticalAsc",
            "alphabeticalDesc",
            "numericalAsc",
            "numericalDesc",
            "alphabeticalCaseInsensitiveAsc",
            "alphabeticalCaseInsensitiveDesc",
            "naturalAsc",
            "naturalDesc");

    private final List<String> names;

    Codes(String... names) {
        this.names = List.of(names);
    }

    /** The v2 name of a classic code: a number, or a name already (as some classic files carry). */
    String name(com.fasterxml.jackson.databind.JsonNode value) {
        if (value != null && value.isNumber()) {
            int code = value.asInt();
            return code >= 0 && code < names.size() ? names.get(code) : names.get(0);
        }
        if (value != null && value.isTextual() && names.contains(value.asText())) {
            return value.asText();
        }
        return names.get(0);
    }

    /** The classic code of a v2 name. */
    int code(String name) {
        int i = names.indexOf(name);
        return Math.max(i, 0);
    }
}
