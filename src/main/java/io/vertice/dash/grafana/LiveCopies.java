package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Grafana's copies of our dashboards in the schema of our files (classic), for {@code dash diff --grafana}.
 * A dashboard stored as v2 is read as stored and compared through its classic form; what that form
 * cannot hold is said in a note, so a silent loss never reads as "no difference".
 */
public final class LiveCopies {
    private LiveCopies() {}

    /**
     * Both sides of the comparison, by uid: ours in the form to compare ({@link LiveDashboard#comparable}) and
     * Grafana's classic copies (absent when Grafana lacks the dashboard).
     */
    public record Sides(Map<String, ObjectNode> ours, Map<String, ObjectNode> grafana) {}

    /**
     * @param ours our dashboards by uid
     * @param note receives one line per dashboard whose comparison is less than faithful
     */
    public static Sides classic(Dashboards grafana, Map<String, ObjectNode> ours, Consumer<String> note) {
        Map<String, ObjectNode> out = new TreeMap<>();
        Map<String, ObjectNode> comparable = new TreeMap<>(ours);
        for (String uid : ours.keySet()) {
            Optional<LiveDashboard> live = grafana.read(uid);
            if (live.isEmpty()) {
                continue;
            }
            LiveDashboard l = live.get();
            if (l.stored() != null && l.stored().classicProblem() != null) {
                note.accept("dashboard " + uid + " is stored in Grafana as "
                        + l.stored().version() + " and classic JSON cannot hold all of it ("
                        + l.stored().classicProblem() + "); the comparison sees only its classic form.");
            }
            if (l.dashboard() != null) {
                out.put(uid, l.dashboard());
                comparable.put(uid, l.comparable(ours.get(uid)));
            }
        }
        return new Sides(comparable, out);
    }
}
