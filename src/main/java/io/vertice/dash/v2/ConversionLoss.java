package io.vertice.dash.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a dashboard survives a round trip through the other schema: what does not come back has
 * no form there and would be dropped silently by the conversion. Only differences Grafana itself
 * treats as "the same dashboard" are accepted ({@link Equivalence}).
 */
public final class ConversionLoss {
    private static final Pattern PANEL = Pattern.compile("^\\$\\.panels\\[(\\d+)](?:\\.panels\\[(\\d+)])?");
    private static final Pattern VARIABLE = Pattern.compile("^\\$\\.templating\\.list\\[(\\d+)]");

    private ConversionLoss() {}

    /**
     * The first construct of a v2 spec that classic cannot hold (a tabs or auto grid layout,
     * conditional rendering, per-row variables...), as a sentence; empty when v2 → classic → v2
     * gives it back.
     */
    public static Optional<String> ofV2(ObjectNode v2spec, SchemaVersion version) {
        ObjectNode back = DashboardConversion.toV2(DashboardConversion.toClassic(v2spec), version);
        JsonDifference d = JsonDifference.first(Equivalence.v2(v2spec), Equivalence.v2(back));
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(
                "field '" + d.path().substring(2) + "'" + said(d) + " has no classic form, so the conversion would "
                        + (said(d).isEmpty() ? "add it" : "drop or change it"));
    }

    /** The first construct of {@code classic} that has no v2 form, as a sentence; empty when there is none. */
    public static Optional<String> of(ObjectNode classic) {
        ObjectNode back = DashboardConversion.toClassic(DashboardConversion.toV2(classic));
        List<String> kept = Trees.objects(Trees.object(back, "templating"), "list").stream()
                .map(v -> Trees.text(v, "name"))
                .toList();
        for (ObjectNode v : Trees.objects(Trees.object(classic, "templating"), "list")) {
            if (!kept.contains(Trees.text(v, "name"))) {
                return Optional.of("variable '" + Trees.text(v, "name") + "' of type '" + Trees.text(v, "type")
                        + "' has no v2 form, so the conversion would drop it");
            }
        }
        JsonDifference d = JsonDifference.first(Equivalence.classic(classic), Equivalence.classic(back));
        if (d == null) {
            return Optional.empty();
        }
        return Optional.of(where(classic, d.path()) + said(d) + " has no v2 form, so the conversion would "
                + (said(d).isEmpty() ? "add it" : "drop it"));
    }

    /** " (value)" of what the original had there, shortened; "" when it had nothing (the conversion adds). */
    private static String said(JsonDifference d) {
        JsonNode n = d.expected();
        if (n == null || n.isMissingNode()) {
            return "";
        }
        String s = n.toString();
        return " (" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + ")";
    }

    /** Throws one sentence (exit 2) naming the first construct of dashboard {@code uid} with no v2 form. */
    public static void requireNone(String uid, ObjectNode classic) {
        of(classic).ifPresent(loss -> {
            throw DashException.input(
                    "dashboard '" + uid + "': " + loss + "; change the dashboard or export it with --schema classic.");
        });
    }

    /** A path said the way a user finds it: the panel's or variable's title and the field. */
    private static String where(JsonNode classic, String path) {
        Matcher panel = PANEL.matcher(path);
        if (panel.find()) {
            JsonNode p = classic.path("panels").path(Integer.parseInt(panel.group(1)));
            if (panel.group(2) != null) {
                p = p.path("panels").path(Integer.parseInt(panel.group(2)));
            }
            return "panel '" + p.path("title").asText() + "' " + field(path.substring(panel.end()));
        }
        Matcher variable = VARIABLE.matcher(path);
        if (variable.find()) {
            JsonNode v = classic.path("templating").path("list").path(Integer.parseInt(variable.group(1)));
            return "variable '" + v.path("name").asText() + "' " + field(path.substring(variable.end()));
        }
        return field(path.substring(1));
    }

    private static String field(String rest) {
        return rest.isEmpty() ? "itself" : "field '" + rest.substring(rest.startsWith(".") ? 1 : 0) + "'";
    }
}
