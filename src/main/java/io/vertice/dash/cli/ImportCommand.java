package io.vertice.dash.cli;

import io.vertice.dash.Version;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DiffFormat;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.grafana.Git;
import io.vertice.dash.grafana.GrafanaClient;
import io.vertice.dash.grafana.ImportReport;
import io.vertice.dash.grafana.ImportResult;
import io.vertice.dash.grafana.Importer;
import io.vertice.dash.grafana.PreImportCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dash import}: push dashboards to Grafana, skipping the ones Grafana already has as they are. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Push dashboards to Grafana: ours (default) or JSON files.",
            "A dashboard Grafana already has unchanged is not saved again;",
            "folders are created before any dashboard is pushed."
        },
        footer = {
            "",
            "Examples:",
            "  export GRAFANA_URL=https://grafana.example.com GRAFANA_TOKEN=...",
            "  dash import --validate --folder Cockpit/Consciousness",
            "  dash import esgt-deep-dive --dry-run          # what would change",
            "  dash import --from backup/my.json --folder Imported",
            "",
            "Exit codes: 0 all succeeded, 1 validation found errors (nothing",
            "pushed), 2 bad input, 3 Grafana failed for some dashboard (the",
            "others are still imported)."
        })
public final class ImportCommand implements Callable<Integer> {
    /** What --validate runs: the validation capability's adapter ({@link CommandFactory} chooses another in tests). */
    private final PreImportCheck validator;

    /** Changes listed per dashboard in a dry run before "and N more". */
    private static final int DRY_RUN_CHANGES_SHOWN = 10;

    @Mixin
    GlobalOptions global;

    @Mixin
    GrafanaOptions grafana;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "UID", arity = "0..*", description = "Only these dashboards (default: all).")
    List<String> uids;

    @Option(
            names = "--from",
            paramLabel = "FILE",
            arity = "1..*",
            description = "Import these dashboard JSON files (exported, pulled, or API-shaped) instead of ours.")
    List<Path> from;

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description =
                    "Folder path, levels separated by '/', e.g. Cockpit/Consciousness; missing levels are created."
                            + " Without it, existing dashboards stay where they are and new ones go to the root.")
    String folder;

    @Option(
            names = "--message",
            paramLabel = "TEXT",
            description = "Version history note (default: names dash's version and the git commit).")
    String message;

    @Option(
            names = "--dry-run",
            description = "Show per dashboard create/update/unchanged and what differs; write nothing.")
    boolean dryRun;

    @Option(
            names = "--validate",
            description = "Validate first; any error-level finding means nothing is pushed (exit 1).")
    boolean validate;

    @Option(
            names = "--overwrite",
            description =
                    "Save even when the dashboard changed in Grafana since dash read it, or another dashboard has the same title in the folder.")
    boolean overwrite;

    @Option(
            names = "--schema",
            paramLabel = "classic|v2",
            converter = ExportCommand.SchemaConverter.class,
            description =
                    "Store dashboards in Grafana as classic or v2 (v2 needs Grafana 12+ through /apis; default: what dash export writes, classic).")
    ExportSchema schema;

    public ImportCommand() {
        this(new ValidatorCheck());
    }

    ImportCommand(PreImportCheck validator) {
        this.validator = validator;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<DashboardDocument> dashboards = DashboardFiles.select(
                from != null && !from.isEmpty() ? DashboardFiles.read(from) : DashboardFiles.ours(), uids);
        PreImportCheck check = validate ? validator : null;
        String note = message != null ? message : defaultMessage();
        try (GrafanaClient client = grafana.client(err)) {
            Importer importer = new Importer(() -> grafana.connect(client, err), check, line -> {
                synchronized (err) {
                    err.println("dash: " + line);
                    err.flush();
                }
            });
            ImportReport report = importer.run(
                    dashboards,
                    new Importer.Options(
                            folder, note, dryRun, overwrite, schema != null ? schema : ProjectPaths.exportSchema()));
            report.validationLines().forEach(out::println);
            if (report.blockedByValidation()) {
                out.flush();
                err.println("dash: validation found errors; nothing was pushed to Grafana.");
                err.flush();
                return report.exitCode();
            }
            print(report, out, err);
            return report.exitCode();
        }
    }

    /** {@code dash 0.1.0 (commit 1a2b3c4)} — who made this version, for Grafana's version history. */
    static String defaultMessage() {
        String commit = Git.shortCommit(ProjectPaths.root());
        return "dash " + Version.get() + (commit != null ? " (commit " + commit + ")" : "");
    }

    private static void print(ImportReport report, PrintWriter out, PrintWriter err) {
        boolean dry = report.dryRun();
        if (report.folder() != null) {
            for (String level : report.folder().created()) {
                out.println((dry ? "would create folder " : "created folder ") + level);
            }
        }
        Table table = new Table("UID", "TITLE", "FOLDER", "ACTION", "VERSION", "URL");
        Map<ImportResult.Action, Integer> counts = new EnumMap<>(ImportResult.Action.class);
        for (ImportResult r : report.results()) {
            counts.merge(r.action(), 1, Integer::sum);
            table.row(
                    r.uid(),
                    r.title(),
                    r.folder(),
                    r.actionText(dry),
                    r.version(),
                    r.url().isEmpty() ? null : r.url());
        }
        table.print(out);
        if (dry) {
            for (ImportResult r : report.results()) {
                if (r.action() == ImportResult.Action.UPDATE) {
                    List<Change> changes = r.changes();
                    out.println(r.uid() + ": "
                            + (changes.isEmpty()
                                    ? "moves to folder " + r.folder()
                                    : changes.size() + " change" + (changes.size() == 1 ? "" : "s")));
                    changes.stream()
                            .limit(DRY_RUN_CHANGES_SHOWN)
                            .forEach(c -> out.println("  " + DiffFormat.describe(c, "Grafana")));
                    if (changes.size() > DRY_RUN_CHANGES_SHOWN) {
                        out.println("  … and " + (changes.size() - DRY_RUN_CHANGES_SHOWN)
                                + " more (dash diff --grafana lists all)");
                    }
                }
            }
        }
        StringBuilder summary = new StringBuilder();
        summary.append(report.results().size())
                .append(" dashboard")
                .append(report.results().size() == 1 ? "" : "s")
                .append(": ");
        String sep = "";
        for (ImportResult.Action a : ImportResult.Action.values()) {
            if (counts.containsKey(a)) {
                summary.append(sep)
                        .append(counts.get(a))
                        .append(' ')
                        .append(a.word(dry).toLowerCase(Locale.ROOT));
                sep = ", ";
            }
        }
        out.println(summary + (dry ? " (dry run: nothing written)" : ""));
        out.flush();
        for (ImportResult r : report.results()) {
            if (r.error() != null) {
                err.println("dash: " + r.uid() + ": " + r.error());
            }
        }
        err.flush();
    }
}
