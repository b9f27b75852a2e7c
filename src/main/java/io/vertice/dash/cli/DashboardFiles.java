package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.diff.Normalizer;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.grafana.DashboardInput;
import io.vertice.dash.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where import and diff get dashboards from: our code, or JSON files (exported, pulled, or API-shaped). */
final class DashboardFiles {
    private DashboardFiles() {
    }

    /** Our dashboards, rendered from the code. */
    static List<DashboardInput> ours() {
        List<DashboardInput> out = new ArrayList<>();
        for (RenderedDashboard d : Exporter.render()) {
            // named by the file it is exported to, as dash validate names it
            out.add(new DashboardInput(d.uid(), d.title(), d.json(), Exporter.DEFAULT_DIR + "/" + d.fileName()));
        }
        return out;
    }

    /** One dashboard file; the {@code {dashboard, meta}} wrapper of the API is accepted too. */
    static DashboardInput read(Path file) {
        JsonNode node = Json.read(file);
        if (!node.isObject()) {
            throw DashException.input(file + " is not a dashboard: its top level must be a JSON object.");
        }
        JsonNode model = Normalizer.unwrap(node);
        if (!model.isObject() || (!model.has("panels") && !model.has("title"))) {
            throw DashException.input(file + " is not a dashboard: it has neither \"title\" nor \"panels\".");
        }
        String uid = model.path("uid").asText("");
        if (uid.isEmpty()) {
            throw DashException.input(file + " has no \"uid\"; give the dashboard a stable uid so dash can find Grafana's copy.");
        }
        return new DashboardInput(uid, model.path("title").asText(uid), (ObjectNode) model.deepCopy(), file.toString());
    }

    static List<DashboardInput> read(List<Path> files) {
        List<DashboardInput> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /** Every {@code *.json} directly in {@code dir}, by uid; a missing directory is an input error. */
    static java.util.SortedMap<String, DashboardInput> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DashException.input(dir + " is not a directory; pass --against DIR with exported dashboards (dash export writes them).");
        }
        TreeMap<String, DashboardInput> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                DashboardInput d = read(f);
                DashboardInput before = out.put(d.uid(), d);
                if (before != null) {
                    throw DashException.input(f + " and " + before.origin() + " both hold dashboard uid " + d.uid() + "; keep one.");
                }
            }
        } catch (IOException e) {
            throw DashException.input(dir + " cannot be listed: " + e.getMessage() + ".", e);
        }
        return out;
    }

    /** Keeps the dashboards whose uid was asked for; an unknown uid is an input error naming the known ones. */
    static List<DashboardInput> select(List<DashboardInput> all, List<String> uids) {
        if (uids == null || uids.isEmpty()) {
            return all;
        }
        Set<String> known = new java.util.TreeSet<>();
        all.forEach(d -> known.add(d.uid()));
        List<DashboardInput> out = new ArrayList<>();
        for (String uid : uids) {
            DashboardInput d = all.stream().filter(x -> x.uid().equals(uid)).findFirst().orElseThrow(() ->
                    DashException.input("no dashboard with uid " + uid + "; known: " + String.join(", ", known) + "."));
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
