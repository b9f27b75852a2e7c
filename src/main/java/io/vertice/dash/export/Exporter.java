package io.vertice.dash.export;

import io.vertice.dash.DashException;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.json.TextFiles;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Renders our dashboards and keeps a directory of exported JSON in step with them: {@link #export}
 * validates, then writes what changed (atomically), and with {@code prune} removes the dashboards the
 * code no longer produces; {@link #check} reports drift without writing.
 *
 * <p>The directory is shared with people: dash only ever removes what it would have written itself, a
 * JSON dashboard with a uid, or the temporary file of an interrupted write of one.
 */
public final class Exporter {
    /** Where exported dashboards live in the repository, relative to its root. */
    public static final String DEFAULT_DIR = "monitoring/grafana/dashboards";

    private final List<RenderedDashboard> dashboards;
    private final ExportSchema schema;
    /** The catalogue the dashboards are validated against before anything is written; null: no validation. */
    private final Supplier<MetricCatalog> catalog;

    public Exporter(List<RenderedDashboard> dashboards) {
        this(dashboards, ExportSchema.CLASSIC, null);
    }

    public Exporter(List<RenderedDashboard> dashboards, Supplier<MetricCatalog> catalog) {
        this(dashboards, ExportSchema.CLASSIC, catalog);
    }

    public Exporter(List<RenderedDashboard> dashboards, ExportSchema schema, Supplier<MetricCatalog> catalog) {
        this.dashboards = List.copyOf(dashboards);
        this.schema = schema;
        this.catalog = catalog;
    }

    /** Our dashboards, from the definitions under {@code dashboards/}, sorted by uid. */
    public static List<RenderedDashboard> render() {
        return DashboardRegistry.defined().stream().map(RenderedDashboard::of).toList();
    }

    public static Exporter ofOurDashboards() {
        return new Exporter(render());
    }

    public static Exporter ofOurDashboards(ExportSchema schema) {
        return new Exporter(render(), schema, null);
    }

    /**
     * Our dashboards, validated against the embedded simulator's catalogue before {@link #export} writes
     * anything. The catalogue takes as long to build as the dashboards take to render: both run at once.
     */
    public static Exporter ofOurDashboardsValidated() {
        return ofOurDashboardsValidated(ExportSchema.CLASSIC);
    }

    /** The same, written in {@code schema}. */
    public static Exporter ofOurDashboardsValidated(ExportSchema schema) {
        CompletableFuture<MetricCatalog> catalog =
                CompletableFuture.supplyAsync(() -> new EmbeddedCatalogSource().load());
        return new Exporter(render(), schema, catalog::join);
    }

    public List<RenderedDashboard> dashboards() {
        return dashboards;
    }

    /**
     * Our dashboards as {@code dash validate} reads them by default: named by the file they are exported
     * to, so CI annotations land there.
     */
    public static List<DashboardDocument> asExportedFiles(List<RenderedDashboard> rendered) {
        return rendered.stream()
                .map(d -> DashboardReader.of(d.json(), DEFAULT_DIR + "/" + d.fileName()))
                .toList();
    }

    /** Validates before writing: each finding names the class that defines the dashboard, whose code is what to fix. */
    private ValidationReport validate() {
        List<DashboardDocument> inputs = dashboards.stream()
                .map(d -> DashboardReader.of(d.json(), d.source()))
                .toList();
        return Validator.withDefaultRules(catalog.get()).validate(inputs);
    }

    /** Outcome for one file of an export. */
    public enum Action {
        WRITTEN,
        UNCHANGED
    }

    public record Written(RenderedDashboard dashboard, Path file, Action action) {}

    /** A file an export removed: a dashboard the code no longer produces (--prune), or a temporary file left by a killed export. */
    public record Removed(Path file, String uid, String title) {
        /** Whether it was the temporary file of an interrupted write rather than a dashboard. */
        public boolean leftover() {
            return uid == null;
        }
    }

    /**
     * What {@link #export} did. When validation found an error, nothing was written or removed and
     * {@code validation} says why.
     *
     * @param validation the validation report, or null when the exporter does not validate
     */
    public record Result(ValidationReport validation, List<Written> written, List<Removed> removed) {
        public boolean blocked() {
            return validation != null && validation.hasErrors();
        }
    }

    /**
     * Validates (when the exporter has a catalogue), then writes {@code <uid>.json} for each dashboard whose
     * file content differs; files already equal are not touched. Temporary files left by an interrupted
     * export are removed; with {@code prune}, so are the dashboard files the code no longer produces.
     */
    public Result export(Path dir, boolean prune) {
        ValidationReport report = catalog == null ? null : validate();
        if (report != null && report.hasErrors()) {
            return new Result(report, List.of(), List.of());
        }
        List<Removed> removed = new ArrayList<>();
        for (Path leftover : leftovers(dir)) {
            delete(leftover);
            removed.add(new Removed(leftover, null, null));
        }
        // render every file before writing any: a dashboard that cannot be rendered writes nothing
        List<String> texts = dashboards.stream().map(schema::text).toList();
        List<Written> written = new ArrayList<>();
        for (int i = 0; i < dashboards.size(); i++) {
            RenderedDashboard d = dashboards.get(i);
            Path file = dir.resolve(d.fileName());
            String text = texts.get(i);
            if (text.equals(TextFiles.readIfPresent(file))) {
                written.add(new Written(d, file, Action.UNCHANGED));
            } else {
                AtomicFiles.write(file, text);
                written.add(new Written(d, file, Action.WRITTEN));
            }
        }
        if (prune) {
            for (Path extra : extraDashboards(dir)) {
                Removed dashboard = dashboardIn(extra);
                delete(extra);
                removed.add(dashboard);
            }
        }
        return new Result(report, written, removed);
    }

    /** How a file differs from the code. */
    public enum DriftKind {
        /** The code has the dashboard, the directory does not. */
        MISSING,
        /** The directory has a dashboard file the code does not produce ({@code dash export --prune} removes it). */
        EXTRA,
        /** Both have it, with different content. */
        CHANGED,
        /** A temporary file an interrupted export left behind ({@code dash export} removes it); never a dashboard. */
        LEFTOVER
    }

    public record Drift(Path file, DriftKind kind) {}

    /** Every file of {@code dir} that differs from the code; empty when all match. Writes nothing. */
    public List<Drift> check(Path dir) {
        List<Drift> drift = new ArrayList<>();
        for (RenderedDashboard d : dashboards) {
            Path file = dir.resolve(d.fileName());
            String onDisk = TextFiles.readIfPresent(file);
            if (onDisk == null) {
                drift.add(new Drift(file, DriftKind.MISSING));
            } else if (!onDisk.equals(schema.text(d))) {
                drift.add(new Drift(file, DriftKind.CHANGED));
            }
        }
        extraDashboards(dir).forEach(f -> drift.add(new Drift(f, DriftKind.EXTRA)));
        leftovers(dir).forEach(f -> drift.add(new Drift(f, DriftKind.LEFTOVER)));
        return drift;
    }

    /** The files of {@code dir} that hold a dashboard with a uid but are not one of ours: what --prune removes. */
    private List<Path> extraDashboards(Path dir) {
        Set<String> ours = new TreeSet<>();
        dashboards.forEach(d -> ours.add(d.fileName()));
        List<Path> extra = new ArrayList<>();
        for (Path f : list(dir)) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") && !name.startsWith(".") && !ours.contains(name) && dashboardIn(f) != null) {
                extra.add(f);
            }
        }
        return extra;
    }

    /**
     * The dashboard {@code file} holds, when it is one dash could have written: classic JSON or a
     * {@code dashboard.grafana.app} resource (what {@code --schema v2} writes), with a uid and a title, read
     * by the one dashboard reader. Anything else (other JSON, an API answer, a broken file) is not dash's
     * to remove: null.
     */
    private static Removed dashboardIn(Path file) {
        DashboardDocument d;
        try {
            d = DashboardReader.read(file);
        } catch (DashException notADashboard) {
            return null;
        }
        boolean written = d.form() != DashboardDocument.Form.API_WRAPPER
                && !d.uid().isBlank()
                && !d.title().isBlank();
        return written ? new Removed(file, d.uid(), d.title()) : null;
    }

    /** Temporary files of interrupted writes of JSON files in {@code dir}. */
    private static List<Path> leftovers(Path dir) {
        return list(dir).stream()
                .filter(f -> AtomicFiles.temporaryFileTarget(f)
                        .filter(target -> target.endsWith(".json"))
                        .isPresent())
                .toList();
    }

    /** The regular files directly in {@code dir}, sorted; none when it does not exist. */
    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw DashException.input("cannot list " + dir + ": " + e.getMessage() + ".", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
            // removed meanwhile: what we wanted
        } catch (IOException e) {
            throw DashException.input(
                    "cannot remove " + file + ": " + e.getMessage() + "; check that the directory is writable.", e);
        }
    }
}
