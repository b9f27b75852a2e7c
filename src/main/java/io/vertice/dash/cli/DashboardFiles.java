package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.export.Exporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Where import and diff get dashboards from: our code, or files in any shape {@link DashboardReader}
 * reads. Both need a uid (it is how Grafana's copy is found) and a classic form (what they compare and push).
 */
final class DashboardFiles {
    private DashboardFiles() {}

    /** Our dashboards, rendered from the code, named by the file they are exported to. */
    static List<DashboardDocument> ours() {
        return Exporter.asExportedFiles(Exporter.render());
    }

    /** One dashboard file with a uid; a v2 one must have a classic form, checked here, before anything is pushed. */
    static DashboardDocument read(Path file) {
        DashboardDocument d = DashboardReader.read(file);
        if (d.uid().isEmpty()) {
            throw DashException.input(
                    file + " has no \"uid\"; give the dashboard a stable uid so dash can find Grafana's copy.");
        }
        d.classic();
        return d;
    }

    static List<DashboardDocument> read(List<Path> files) {
        return files.stream().map(DashboardFiles::read).toList();
    }

    /** Every dashboard file ({@code .json}, {@code .yaml}, {@code .yml}) directly in {@code dir}, by uid; a missing directory is an input error. */
    static java.util.SortedMap<String, DashboardDocument> readDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw DashException.input(dir
                    + " is not a directory; pass --against DIR with exported dashboards (dash export writes them).");
        }
        TreeMap<String, DashboardDocument> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p) && DashboardReader.isDashboardFileName(p))
                    .sorted()
                    .toList()) {
                DashboardDocument d = read(f);
                DashboardDocument before = out.put(d.uid(), d);
                if (before != null) {
                    throw DashException.input(
                            f + " and " + before.origin() + " both hold dashboard uid " + d.uid() + "; keep one.");
                }
            }
        } catch (IOException e) {
            throw DashException.input(dir + " cannot be listed: " + e.getMessage() + ".", e);
        }
        return out;
    }

    /** Keeps the dashboards whose uid was asked for; an unknown uid is an input error naming the known ones. */
    static List<DashboardDocument> select(List<DashboardDocument> all, List<String> uids) {
        if (uids == null || uids.isEmpty()) {
            return all;
        }
        Set<String> known = new TreeSet<>();
        all.forEach(d -> known.add(d.uid()));
        List<DashboardDocument> out = new ArrayList<>();
        for (String uid : uids) {
            DashboardDocument d = all.stream()
                    .filter(x -> x.uid().equals(uid))
                    .findFirst()
                    .orElseThrow(() -> DashException.input(
                            "no dashboard with uid " + uid + "; known: " + String.join(", ", known) + "."));
            if (!out.contains(d)) {
                out.add(d);
            }
        }
        return out;
    }
}
