package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.Severity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dash export}: write our dashboards as JSON, or check that the committed JSON matches the code. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = "Render every dashboard to DIR/<uid>.json (byte-stable, atomic writes).",
        footer = {
            "",
            "Examples:",
            "  dash export                 write monitoring/grafana/dashboards/*.json",
            "  dash export --schema v2     write Grafana 13 v2 resources to monitoring/grafana/dashboards-v2/*.json",
            "  dash export --prune         the same, and remove dashboards the code no longer produces",
            "  dash export --check         exit 1 when the committed JSON differs from the code (CI)"
        })
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Directory to write to (default: " + Exporter.DEFAULT_DIR + " under the repository; "
                    + "with --schema v2, monitoring/grafana/dashboards-v2).")
    Path out;

    @Option(
            names = "--schema",
            paramLabel = "classic|v2",
            converter = SchemaConverter.class,
            description = "classic: dashboard JSON for Grafana 10.4-12 (the default); "
                    + "v2: dashboard.grafana.app/v2 resources for Grafana 13.")
    ExportSchema schema;

    @Option(names = "--check", description = "Write nothing; list files that differ from the code and exit 1 if any.")
    boolean check;

    @Option(
            names = "--prune",
            description = "Also remove dashboard files in DIR the code no longer produces (JSON dashboards with a uid; "
                    + "other files are never touched).")
    boolean prune;

    @Option(
            names = "--validate",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Validate against the embedded catalogue first and write nothing on an error "
                    + "(the default); --no-validate writes anyway.")
    boolean validate;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportSchema chosen = schema != null ? schema : ProjectPaths.exportSchema();
        Path dir = ProjectPaths.orDefault(out, chosen.defaultDir());
        if (check && prune) {
            throw DashException.input("--check writes nothing and --prune removes files: pass one of them.");
        }
        if (check) {
            return check(Exporter.ofOurDashboards(chosen), dir, stdout);
        }
        Exporter exporter = validate ? Exporter.ofOurDashboardsValidated(chosen) : Exporter.ofOurDashboards(chosen);
        Exporter.Result result = exporter.export(dir, prune);
        if (result.blocked()) {
            result.validation().findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .forEach(f -> stdout.println(Reports.textLine(f)));
            stdout.println(Reports.summaryLine(result.validation())
                    + "; nothing written (fix the errors, or pass --no-validate).");
            stdout.flush();
            return ExitCodes.FINDINGS;
        }
        for (Exporter.Written w : result.written()) {
            stdout.printf(
                    "%-24s %-24s %3d panels  %s%n",
                    w.dashboard().uid(),
                    w.dashboard().title(),
                    w.dashboard().panelCount(),
                    w.action().name().toLowerCase(Locale.ROOT));
        }
        for (Exporter.Removed r : result.removed()) {
            stdout.println(
                    r.leftover()
                            ? "removed " + r.file() + " (left by an interrupted export)"
                            : String.format(
                                    "%-24s %-24s removed (the code no longer produces it)", r.uid(), r.title()));
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private static int check(Exporter exporter, Path dir, PrintWriter stdout) {
        List<Exporter.Drift> drift = exporter.check(dir);
        for (Exporter.Drift d : drift) {
            stdout.printf("%-8s %s%n", d.kind().name().toLowerCase(Locale.ROOT), d.file());
        }
        if (drift.isEmpty()) {
            stdout.printf("%d dashboards match %s%n", exporter.dashboards().size(), dir);
            return ExitCodes.OK;
        }
        // name the command that makes the check green: only --prune removes extra dashboards
        boolean extra = drift.stream().anyMatch(d -> d.kind() == Exporter.DriftKind.EXTRA);
        stdout.printf(
                "%d file(s) differ from the code in %s; run 'dash export%s' and commit the result.%n",
                drift.size(), dir, extra ? " --prune" : "");
        return ExitCodes.FINDINGS;
    }

    /** {@code classic} or {@code v2}; anything else is a usage error naming both. */
    static final class SchemaConverter implements picocli.CommandLine.ITypeConverter<ExportSchema> {
        @Override
        public ExportSchema convert(String value) {
            for (ExportSchema s : ExportSchema.values()) {
                if (s.cliName().equals(value)) {
                    return s;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a schema; use classic or v2");
        }
    }
}
