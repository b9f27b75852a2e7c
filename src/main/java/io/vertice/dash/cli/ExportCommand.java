package io.vertice.dash.cli;

import io.vertice.dash.ExitCodes;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.validate.OurDashboards;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.Severity;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.catalog.MetricCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/** {@code dash export}: write our dashboards as JSON, or check that the committed JSON matches the code. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = "Render every dashboard to DIR/<uid>.json (byte-stable, atomic writes).",
        footer = {"", "Examples:",
                "  dash export                 write monitoring/grafana/dashboards/*.json",
                "  dash export --schema v2     write Grafana 13 v2 resources to monitoring/grafana/dashboards-v2/*.json",
                "  dash export --check         exit 1 when the committed JSON differs from the code (CI)"})
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory to write to (default: " + Exporter.DEFAULT_DIR + " under the repository; "
                    + "with --schema v2, monitoring/grafana/dashboards-v2).")
    Path out;

    @Option(names = "--schema", paramLabel = "classic|v2", converter = SchemaConverter.class,
            description = "classic: dashboard JSON for Grafana 10.4-12 (the default); "
                    + "v2: dashboard.grafana.app/v2 resources for Grafana 13.")
    ExportSchema schema;

    @Option(names = "--check", description = "Write nothing; list files that differ from the code and exit 1 if any.")
    boolean check;

    @Option(names = "--validate", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Validate against the embedded catalogue first and write nothing on an error "
                    + "(the default); --no-validate writes anyway.")
    boolean validate;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        ExportSchema chosen = schema != null ? schema : ExportSchema.configuredDefault();
        Path dir = ProjectPaths.orDefault(out, chosen.defaultDir());
        // the catalogue takes as long to build as the dashboards take to render: do both at once
        CompletableFuture<MetricCatalog> catalog = check || !validate ? null
                : CompletableFuture.supplyAsync(() -> new EmbeddedCatalogSource().load());
        Exporter exporter = Exporter.ofOurDashboards(chosen);
        if (check) {
            List<Exporter.Drift> drift = exporter.check(dir);
            for (Exporter.Drift d : drift) {
                stdout.printf("%-8s %s%n", d.kind().name().toLowerCase(java.util.Locale.ROOT), d.file());
            }
            if (drift.isEmpty()) {
                stdout.printf("%d dashboards match %s%n", exporter.dashboards().size(), dir);
                return ExitCodes.OK;
            }
            stdout.printf("%d file(s) differ from the code in %s; run 'dash export' and commit the result.%n",
                    drift.size(), dir);
            return ExitCodes.FINDINGS;
        }
        return write(exporter, dir, catalog, stdout);
    }

    /**
     * Writes the dashboards, after validating them against the catalogue when one is given: an
     * error-level finding means nothing is written and exit 1.
     */
    static int write(Exporter exporter, Path dir, CompletableFuture<MetricCatalog> catalog, PrintWriter stdout) {
        if (catalog != null) {
            // refuse to write dashboards whose queries would not work (see dash validate)
            ValidationReport report = OurDashboards.validate(exporter.dashboards(), catalog.join());
            if (report.hasErrors()) {
                report.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                        .forEach(f -> stdout.println(Reports.textLine(f)));
                stdout.println(Reports.summaryLine(report) + "; nothing written (fix the errors, or pass --no-validate).");
                stdout.flush();
                return ExitCodes.FINDINGS;
            }
        }
        for (Exporter.Written w : exporter.export(dir)) {
            stdout.printf("%-24s %-24s %3d panels  %s%n", w.dashboard().uid(), w.dashboard().title(),
                    w.dashboard().panelCount(), w.action().name().toLowerCase(java.util.Locale.ROOT));
        }
        stdout.flush();
        return ExitCodes.OK;
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
