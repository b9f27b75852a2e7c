package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.catalog.CatalogSource;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricsUrlCatalogSource;
import io.vertice.dash.catalog.PrometheusApi;
import io.vertice.dash.catalog.PrometheusCatalogSource;
import io.vertice.dash.config.ConfigFile;
import io.vertice.dash.config.DashConfig;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.validate.LiveChecker;
import io.vertice.dash.validate.Progress;
import io.vertice.dash.validate.ReferencedMetrics;
import io.vertice.dash.validate.ReportFormat;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.validate.Validator;
import io.vertice.dash.validate.rules.RuleCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dash validate}: check dashboards' queries against the metrics really exposed. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate our dashboards (default) or any Grafana dashboard JSON files: PromQL syntax and types, "
                    + "metrics, labels and label values against a metric catalogue, variables, datasources, units, layout.",
            "Catalogue: the embedded simulator (default), an exporter's /metrics (--metrics-url) or a "
                    + "Prometheus-compatible API (--prometheus).",
            "Exit 0 without error findings, 1 with any, 2 for unreadable or malformed input, 3 when a remote fails."
        },
        footer = {
            "",
            "Examples:",
            "  dash validate                       our dashboards, embedded catalogue",
            "  dash validate a.json b.json --prometheus http://localhost:9090 --live",
            "  dash validate --format junit --output target/dash-validate.xml",
            "  dash validate --format github       annotations in a GitHub Actions run",
            "  dash validate --list-rules --format json   every rule with its severity and why",
            "  dash validate my.json --config ci/dash.yaml --verbose   severities and exclusions from a file; list what it excludes"
        })
public final class ValidateCommand implements Callable<Integer> {
    /** Where {@code $PROMETHEUS_URL} is read: the process environment, or a test's (see {@link CommandFactory}). */
    private final Function<String, String> environment;

    public ValidateCommand() {
        this(System::getenv);
    }

    ValidateCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Mixin
    PrometheusOptions remote;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Dashboard files, JSON or YAML (exports, API responses, dashboard.grafana.app resources), or "
                    + "directories: every dashboard file under them. Default: our dashboards, rendered from code.")
    List<Path> files = new ArrayList<>();

    @Option(
            names = "--metrics-url",
            paramLabel = "URL",
            description = "Take the catalogue from an exporter's /metrics (Prometheus text format or OpenMetrics).")
    String metricsUrl;

    // without a value: $PROMETHEUS_URL, read from the command's environment; not shown in --help, it may hold
    // credentials
    @Option(
            names = "--prometheus",
            paramLabel = "URL",
            arity = "0..1",
            fallbackValue = "",
            description = "Take the catalogue from a Prometheus-compatible API (Prometheus, Thanos, Mimir, "
                    + "VictoriaMetrics). Without a value: $PROMETHEUS_URL.")
    String prometheus;

    @Option(
            names = "--live",
            description = "Also run every query against --prometheus (or $PROMETHEUS_URL) and report those that return "
                    + "nothing, with the cause.")
    boolean live;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json, junit or github (default: ${DEFAULT-VALUE}).")
    ReportFormat format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description =
                    "Write the report to FILE (atomically) instead of stdout; the summary line still goes to stdout.")
    Path output;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "Read severities, exclusions and query dialects from FILE (default: .dash.yaml at the repository root, when present).")
    Path config;

    @Option(
            names = "--list-rules",
            description = "List every rule (id, severity, why) and exit; --format text (default) or json.")
    boolean listRules;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if (listRules) {
            if (format != ReportFormat.TEXT && format != ReportFormat.JSON) {
                throw DashException.input("--list-rules prints text or json; pass --format text or --format json.");
            }
            stdout.print(format == ReportFormat.JSON ? RuleCatalog.json() : RuleCatalog.text());
            stdout.flush();
            return 0;
        }
        if (metricsUrl != null && prometheus != null) {
            throw DashException.input("--metrics-url and --prometheus both name a catalogue; pass only one.");
        }
        DashConfig settings = config != null ? ConfigFile.load(config) : ConfigFile.loadIfPresent(ProjectPaths.root());
        List<DashboardDocument> inputs = inputs();
        PrometheusApi api = prometheusApi();
        CatalogSource source = metricsUrl != null
                ? new MetricsUrlCatalogSource(
                        remote.exporter(metricsUrl),
                        global.verboseLog(spec.commandLine().getErr()))
                : api != null && prometheus != null
                        ? new PrometheusCatalogSource(
                                api, Duration.ofHours(1), ReferencedMetrics.of(inputs), remote.parallel())
                        : new EmbeddedCatalogSource();
        MetricCatalog catalog = source.load();
        ValidationReport report =
                Validator.withDefaultRules(catalog, settings.validation()).validate(inputs);
        if (live) {
            report = new LiveChecker(
                            api,
                            remote.parallel(),
                            Progress.onTerminal(spec.commandLine().getErr()))
                    .check(inputs, report);
        }
        String rendered = Reports.render(report, format, global.verbose());
        if (output != null) {
            AtomicFiles.write(output, rendered);
            stdout.println(Reports.summaryLine(report) + " (report written to " + output + ")");
        } else {
            stdout.print(rendered);
        }
        stdout.flush();
        return report.exitCode();
    }

    /** The API for --prometheus or --live; null when neither needs one. */
    private PrometheusApi prometheusApi() {
        if (prometheus == null && !live) {
            return null;
        }
        String url = prometheus != null && !prometheus.isEmpty() ? prometheus : environment.apply("PROMETHEUS_URL");
        if (url == null || url.isBlank()) {
            throw DashException.input((live ? "--live" : "--prometheus")
                    + " needs a Prometheus URL; pass --prometheus URL or set PROMETHEUS_URL.");
        }
        return new PrometheusApi(
                remote.prometheus(url), global.verboseLog(spec.commandLine().getErr()));
    }

    /** Our dashboards, or the files and every dashboard file under the directories named. */
    private List<DashboardDocument> inputs() {
        if (files.isEmpty()) {
            return Exporter.asExportedFiles(Exporter.render());
        }
        return DashboardReader.readAll(
                files, global.verboseLog(spec.commandLine().getErr()));
    }
}
