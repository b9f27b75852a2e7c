package io.vertice.dash.export;

import io.vertice.dash.DashException;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.json.TextFiles;
import io.vertice.dash.model.DashboardRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders our dashboards and keeps a directory of exported JSON in step with them: {@link #export}
 * writes what changed (atomically), {@link #check} reports drift without writing.
 */
public final class Exporter {
    /** Where exported dashboards live in the repository, relative to its root. */
    public static final String DEFAULT_DIR = "monitoring/grafana/dashboards";

    private final List<RenderedDashboard> dashboards;
    private final ExportSchema schema;

    public Exporter(List<RenderedDashboard> dashboards) {
        this(dashboards, ExportSchema.CLASSIC);
    }

    public Exporter(List<RenderedDashboard> dashboards, ExportSchema schema) {
        this.dashboards = List.copyOf(dashboards);
        this.schema = schema;
    }

    /** Our dashboards, from the definitions under {@code dashboards/}, sorted by uid. */
    public static List<RenderedDashboard> render() {
        return DashboardRegistry.all().stream().map(RenderedDashboard::of).toList();
    }

    public static Exporter ofOurDashboards() {
        return new Exporter(render());
    }

    public static Exporter ofOurDashboards(ExportSchema schema) {
        return new Exporter(render(), schema);
    }

    public List<RenderedDashboard> dashboards() {
        return dashboards;
    }

    /** Outcome for one file of an export. */
    public enum Action { WRITTEN, UNCHANGED }

    public record Written(RenderedDashboard dashboard, Path file, Action action) {
    }

    /** Writes {@code <uid>.json} for each dashboard whose file content differs; files already equal are not touched. */
    public List<Written> export(Path dir) {
        List<Written> out = new ArrayList<>();
        // render every file before writing any: a dashboard that cannot be rendered writes nothing
        List<String> texts = dashboards.stream().map(schema::text).toList();
        for (int i = 0; i < dashboards.size(); i++) {
            RenderedDashboard d = dashboards.get(i);
            Path file = dir.resolve(d.fileName());
            String text = texts.get(i);
            if (text.equals(TextFiles.readIfPresent(file))) {
                out.add(new Written(d, file, Action.UNCHANGED));
            } else {
                AtomicFiles.write(file, text);
                out.add(new Written(d, file, Action.WRITTEN));
            }
        }
        return out;
    }

    /** How a file differs from the code. */
    public enum DriftKind {
        /** The code has the dashboard, the directory does not. */
        MISSING,
        /** The directory has a dashboard file the code does not produce. */
        EXTRA,
        /** Both have it, with different content. */
        CHANGED
    }

    public record Drift(Path file, DriftKind kind) {
    }

    /** Every file of {@code dir} that differs from the code; empty when all match. Writes nothing. */
    public List<Drift> check(Path dir) {
        List<Drift> drift = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (RenderedDashboard d : dashboards) {
            Path file = dir.resolve(d.fileName());
            expected.add(d.fileName());
            String onDisk = TextFiles.readIfPresent(file);
            if (onDisk == null) {
                drift.add(new Drift(file, DriftKind.MISSING));
            } else if (!onDisk.equals(schema.text(d))) {
                drift.add(new Drift(file, DriftKind.CHANGED));
            }
        }
        for (String name : jsonFiles(dir)) {
            if (!expected.contains(name)) {
                drift.add(new Drift(dir.resolve(name), DriftKind.EXTRA));
            }
        }
        return drift;
    }

    private static Set<String> jsonFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw DashException.input("cannot list " + dir + ": " + e.getMessage() + ".", e);
        }
    }
}
