package io.vertice.dash.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Semantic, panel-level comparison of dashboards. Both sides are normalised first (API wrapper,
 * {@code id}, {@code version}, {@code iteration} dropped; key order ignored; {@code 1} equals
 * {@code 1.0}). Panels, including those inside collapsed rows, are matched by id, then by title, so a
 * moved or renumbered panel reads as a change of that panel rather than a removal and an addition.
 * Arrays of objects that all carry a distinct {@code refId} (query targets) or {@code name} (variables,
 * annotations) are matched by that key and addressed as {@code targets[A]}; other arrays by index.
 */
public final class DashboardDiff {
    private DashboardDiff() {}

    /** The differences between ours ({@code expected}) and what was found ({@code actual}); empty when equal. */
    public static List<Change> compare(JsonNode expected, JsonNode actual) {
        ObjectNode ours = Normalizer.normalize(expected);
        ObjectNode theirs = Normalizer.normalize(actual);
        String title = titleOf(ours, theirs);
        String uid = ours.path("uid").asText(theirs.path("uid").asText(""));
        List<Change> out = new ArrayList<>();
        Walker dashboardWalker = new Walker(title, uid, null, out);

        ObjectNode oursTop = ours.deepCopy();
        ObjectNode theirsTop = theirs.deepCopy();
        List<JsonNode> oursPanels = flattenPanels(oursTop.remove("panels"));
        List<JsonNode> theirsPanels = flattenPanels(theirsTop.remove("panels"));
        dashboardWalker.compare("", oursTop, theirsTop);
        comparePanels(title, uid, oursPanels, theirsPanels, out);
        return List.copyOf(out);
    }

    /** Whether two dashboards are semantically equal (no changes). */
    public static boolean equal(JsonNode expected, JsonNode actual) {
        return compare(expected, actual).isEmpty();
    }

    /**
     * Compares sets of dashboards by uid: a dashboard only in ours is one ADDED change, one only found
     * is one REMOVED change, the others are compared panel by panel. Ordered by uid.
     */
    public static List<Change> compareAll(
            Map<String, ? extends JsonNode> expectedByUid, Map<String, ? extends JsonNode> actualByUid) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> uids = new TreeSet<>(expectedByUid.keySet());
        uids.addAll(actualByUid.keySet());
        for (String uid : uids) {
            JsonNode ours = expectedByUid.get(uid);
            JsonNode theirs = actualByUid.get(uid);
            if (theirs == null) {
                out.add(new Change(
                        titleOf(Normalizer.normalize(ours), null), uid, null, "", Change.Kind.ADDED, null, null));
            } else if (ours == null) {
                out.add(new Change(
                        titleOf(Normalizer.normalize(theirs), null), uid, null, "", Change.Kind.REMOVED, null, null));
            } else {
                out.addAll(compare(ours, theirs));
            }
        }
        return List.copyOf(out);
    }

    private static void comparePanels(
            String title, String uid, List<JsonNode> ours, List<JsonNode> theirs, List<Change> out) {
        List<JsonNode> unmatchedTheirs = new ArrayList<>(theirs);
        JsonNode[] match = new JsonNode[ours.size()];
        // first pass: same id and title, then same id, then same title
        for (int pass = 0; pass < 3; pass++) {
            for (int i = 0; i < ours.size(); i++) {
                if (match[i] != null) {
                    continue;
                }
                JsonNode panel = ours.get(i);
                boolean byId = pass < 2 && panel.has("id");
                boolean byTitle = pass != 1 && panel.hasNonNull("title");
                if ((!byId && !byTitle) || (pass == 0 && !(byId && byTitle))) {
                    continue;
                }
                match[i] = take(
                        unmatchedTheirs,
                        p -> (!byId || sameValue(p.get("id"), panel.get("id")))
                                && (!byTitle
                                        || panel.get("title")
                                                .asText()
                                                .equals(p.path("title").asText(null))));
            }
        }
        for (int i = 0; i < ours.size(); i++) {
            JsonNode panel = ours.get(i);
            if (match[i] == null) {
                out.add(new Change(title, uid, panelName(panel), "", Change.Kind.ADDED, null, panel));
            } else {
                new Walker(title, uid, panelName(panel), out).compare("", panel, match[i]);
            }
        }
        for (JsonNode panel : unmatchedTheirs) {
            out.add(new Change(title, uid, panelName(panel), "", Change.Kind.REMOVED, panel, null));
        }
    }

    private static JsonNode take(List<JsonNode> candidates, java.util.function.Predicate<JsonNode> test) {
        for (Iterator<JsonNode> it = candidates.iterator(); it.hasNext(); ) {
            JsonNode c = it.next();
            if (test.test(c)) {
                it.remove();
                return c;
            }
        }
        return null;
    }

    /** Top-level panels plus the panels kept inside collapsed rows (their row loses its {@code panels}). */
    private static List<JsonNode> flattenPanels(JsonNode panels) {
        List<JsonNode> out = new ArrayList<>();
        if (panels == null || !panels.isArray()) {
            return out;
        }
        for (JsonNode panel : panels) {
            if (panel.isObject()
                    && panel.has("panels")
                    && "row".equals(panel.path("type").asText())) {
                ObjectNode row = panel.deepCopy();
                JsonNode nested = row.remove("panels");
                out.add(row);
                out.addAll(flattenPanels(nested));
            } else {
                out.add(panel);
            }
        }
        return out;
    }

    private static String panelName(JsonNode panel) {
        String t = panel.path("title").asText("");
        if (!t.isEmpty()) {
            return t;
        }
        return panel.has("id") ? "panel " + panel.get("id").asText() : "untitled panel";
    }

    private static String titleOf(JsonNode ours, JsonNode theirs) {
        String t = ours.path("title").asText("");
        if (t.isEmpty() && theirs != null) {
            t = theirs.path("title").asText("");
        }
        if (t.isEmpty()) {
            t = ours.path("uid").asText("untitled dashboard");
        }
        return t;
    }

    /** Value equality that ignores key order and number representation. */
    static boolean sameValue(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!sameValue(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Walks two trees side by side, recording leaf-level changes under one dashboard or panel. */
    private record Walker(String dashboard, String uid, String panel, List<Change> out) {

        void compare(String path, JsonNode ours, JsonNode theirs) {
            if (sameValue(ours, theirs)) {
                return;
            }
            if (ours.isObject() && theirs.isObject()) {
                TreeSet<String> names = new TreeSet<>();
                ours.fieldNames().forEachRemaining(names::add);
                theirs.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    String child = path.isEmpty() ? name : path + "." + name;
                    JsonNode o = ours.get(name);
                    JsonNode t = theirs.get(name);
                    if (t == null) {
                        record(child, Change.Kind.ADDED, null, o);
                    } else if (o == null) {
                        record(child, Change.Kind.REMOVED, t, null);
                    } else {
                        compare(child, o, t);
                    }
                }
            } else if (ours.isArray() && theirs.isArray()) {
                String key = commonKey(ours, theirs);
                if (key != null) {
                    compareKeyed(path, key, ours, theirs);
                } else {
                    compareIndexed(path, ours, theirs);
                }
            } else {
                record(path, Change.Kind.CHANGED, theirs, ours);
            }
        }

        private void compareKeyed(String path, String key, JsonNode ours, JsonNode theirs) {
            Map<String, JsonNode> o = byKey(ours, key);
            Map<String, JsonNode> t = byKey(theirs, key);
            List<String> keys = new ArrayList<>(o.keySet());
            for (String k : t.keySet()) {
                if (!o.containsKey(k)) {
                    keys.add(k);
                }
            }
            for (String k : keys) {
                String child = path + "[" + k + "]";
                if (!t.containsKey(k)) {
                    record(child, Change.Kind.ADDED, null, o.get(k));
                } else if (!o.containsKey(k)) {
                    record(child, Change.Kind.REMOVED, t.get(k), null);
                } else {
                    compare(child, o.get(k), t.get(k));
                }
            }
        }

        private void compareIndexed(String path, JsonNode ours, JsonNode theirs) {
            int n = Math.max(ours.size(), theirs.size());
            for (int i = 0; i < n; i++) {
                String child = path + "[" + i + "]";
                if (i >= theirs.size()) {
                    record(child, Change.Kind.ADDED, null, ours.get(i));
                } else if (i >= ours.size()) {
                    record(child, Change.Kind.REMOVED, theirs.get(i), null);
                } else {
                    compare(child, ours.get(i), theirs.get(i));
                }
            }
        }

        private void record(String path, Change.Kind kind, JsonNode found, JsonNode expected) {
            out.add(new Change(dashboard, uid, panel, path, kind, found, expected));
        }
    }

    /** {@code refId} or {@code name} when every element of both arrays is an object with a distinct one. */
    private static String commonKey(JsonNode ours, JsonNode theirs) {
        for (String key : List.of("refId", "name")) {
            if (distinctKeys(ours, key) && distinctKeys(theirs, key) && (ours.size() + theirs.size()) > 0) {
                return key;
            }
        }
        return null;
    }

    private static boolean distinctKeys(JsonNode array, String key) {
        TreeSet<String> seen = new TreeSet<>();
        for (JsonNode e : array) {
            if (!e.isObject()
                    || !e.path(key).isTextual()
                    || !seen.add(e.get(key).asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byKey(JsonNode array, String key) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode e : array) {
            m.put(e.get(key).asText(), e);
        }
        return m;
    }
}
