package io.vertice.dash.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds Grafana variable references ({@code $var}, {@code ${var}}, {@code ${var:fmt}}, {@code [[var]]}) in text. */
public final class GrafanaVariables {
    /** Same shapes Grafana's template service matches; a field path ({@code ${var.field}}) keeps the name. */
    private static final Pattern REFERENCE = Pattern.compile(
            "\\$([A-Za-z0-9_]+)|\\[\\[([A-Za-z0-9_]+?)(?::([A-Za-z0-9_]+))?]]|\\$\\{([A-Za-z0-9_]+)(?:\\.[^:}]+)?(?::([^}]+))?}");

    /** Variables Grafana defines itself on every dashboard. */
    private static final Set<String> BUILT_IN = Set.of(
            "__rate_interval", "__rate_interval_ms", "__interval", "__interval_ms", "__range", "__range_s",
            "__range_ms", "__from", "__to", "__all", "__name", "__dashboard", "__user", "__org", "__timezone",
            "__timeFilter", "timeFilter", "__url_time_range", "__data", "__field", "__series", "__value", "__cell",
            "__auto", "__auto_interval", "__searchFilter", "__schema", "__table", "__column");

    private GrafanaVariables() {
    }

    /** A reference: the variable name, its format (null if none), and where it starts (0-based offset). */
    public record Reference(String name, String format, int offset, int length) {
    }

    /**
     * Every reference in the text, in order. Purely numeric names ({@code $1} in a {@code label_replace}
     * replacement) are regex back-references, not variables, and are left out.
     */
    public static List<Reference> references(String text) {
        List<Reference> out = new ArrayList<>();
        if (text == null || text.indexOf('$') < 0 && !text.contains("[[")) {
            return out;
        }
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(4);
            String format = m.group(3) != null ? m.group(3) : m.group(5);
            if (name.chars().allMatch(Character::isDigit)) {
                continue;
            }
            out.add(new Reference(name, format, m.start(), m.end() - m.start()));
        }
        return out;
    }

    /** Whether Grafana itself defines this variable. */
    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name) || name.startsWith("__");
    }

    /** 1-based line and column of a 0-based offset in text. */
    public static int[] lineColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[]{line, col};
    }
}
