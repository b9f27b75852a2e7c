package io.vertice.dash.cli;

import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.grafana.GrafanaClient;
import io.vertice.dash.grafana.Puller;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dash pull}: fetch dashboards from Grafana as normalised JSON (backup, migration). */
@Command(
        name = "pull",
        mixinStandardHelpOptions = true,
        description = {
            "Fetch dashboards from Grafana as normalised JSON files <uid>.json",
            "(id, version and the API wrapper dropped; byte-stable like dash export),",
            "read in their stored version (classic or v2) and written in --schema.",
            "Files with uncommitted git changes are kept unless --force."
        },
        footer = {
            "",
            "Examples:",
            "  dash pull --all --out backup/",
            "  dash pull --folder Cockpit/Consciousness --out pulled/",
            "  dash pull --uid esgt-deep-dive --out monitoring/grafana/dashboards",
            "  dash pull --all --schema v2 --out backup-v2/   # dashboard.grafana.app/v2 resources",
            "",
            "Exit codes: 0 done, 2 bad input or files kept because of local",
            "changes, 3 Grafana failed."
        })
public final class PullCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    GrafanaOptions grafana;

    @Spec
    CommandSpec spec;

    @Option(names = "--uid", paramLabel = "UID", description = "Dashboards with this uid (repeatable).")
    List<String> uids = List.of();

    @Option(
            names = "--folder",
            paramLabel = "PATH",
            description = "Dashboards directly in this folder path, e.g. Cockpit/Consciousness.")
    String folder;

    @Option(names = "--tag", paramLabel = "TAG", description = "Dashboards with this tag (repeatable: all must match).")
    List<String> tags = List.of();

    @Option(names = "--all", description = "Every dashboard the account can read.")
    boolean all;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write <uid>.json into.")
    Path out;

    @Option(names = "--force", description = "Overwrite files that have uncommitted local git changes.")
    boolean force;

    @Option(
            names = "--schema",
            paramLabel = "classic|v2",
            converter = ExportCommand.SchemaConverter.class,
            description =
                    "Write classic dashboard JSON or dashboard.grafana.app v2 resources: classic or v2 (default: what dash export writes, classic).")
    ExportSchema schema;

    @Option(
            names = "--page-size",
            paramLabel = "N",
            defaultValue = "1000",
            hidden = true,
            description = "Search page size (Grafana allows up to 5000).")
    int pageSize;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (GrafanaClient client = grafana.client(err)) {
            Puller.Options options = new Puller.Options(
                    uids,
                    folder,
                    tags,
                    all,
                    out,
                    force,
                    pageSize,
                    schema != null ? schema : ProjectPaths.exportSchema());
            Puller.requireSelection(options); // before any request
            Puller.Report report = new Puller(grafana.connect(client, err)).run(options);
            Table table = new Table("UID", "TITLE", "FILE", "STATUS");
            for (Puller.Result r : report.results()) {
                table.row(r.uid(), r.title(), r.file(), r.status().word());
            }
            table.print(stdout);
            stdout.println(report.summary() + " in " + out);
            stdout.flush();
            for (Puller.Result r : report.results()) {
                if (r.detail() != null) {
                    err.println("dash: " + r.uid() + ": " + r.detail());
                }
            }
            err.flush();
            return report.exitCode();
        }
    }
}
