package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DashboardDiff;
import io.vertice.dash.diff.DiffFormat;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.grafana.GrafanaClient;
import io.vertice.dash.grafana.LiveCopies;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dash diff}: semantic, panel-level differences between our dashboards and files or live Grafana. */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Compare our dashboards with exported files (default) or with live",
            "Grafana, semantically: ids, versions and key order are ignored;",
            "panels are matched by id, then title."
        },
        footer = {
            "",
            "Examples:",
            "  dash diff                          # vs monitoring/grafana/dashboards",
            "  dash diff --grafana --format github  # vs Grafana, GitHub annotations",
            "",
            "Output: Dashboard › Panel › path: found → ours, e.g.",
            "  ESGT Deep Dive › Failure Reasons › targets[A].expr: \"old\" → \"new\"",
            "",
            "Exit codes: 0 no difference, 1 differences, 2 bad input, 3 Grafana failed."
        })
public final class DiffCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    GrafanaOptions grafanaOptions;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--against",
            paramLabel = "DIR",
            description = "Directory of dashboard JSON to compare with (default: " + Exporter.DEFAULT_DIR + ").")
    Path against;

    @Option(names = "--grafana", description = "Compare with the dashboards in Grafana instead of files.")
    boolean grafana;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json or github (annotations for GitHub Actions); default: ${DEFAULT-VALUE}.")
    DiffFormat format;

    @Override
    public Integer call() {
        if (grafana && against != null) {
            throw DashException.input(
                    "--against and --grafana exclude each other: compare with files or with Grafana.");
        }
        PrintWriter out = spec.commandLine().getOut();
        Map<String, ObjectNode> ours = new TreeMap<>();
        DashboardFiles.ours().forEach(d -> ours.put(d.uid(), d.classic()));
        Map<String, ObjectNode> theirs = new TreeMap<>();
        String target;
        Path dir = null;
        if (grafana) {
            PrintWriter err = spec.commandLine().getErr();
            try (GrafanaClient client = grafanaOptions.client(err)) {
                target = "Grafana";
                LiveCopies.Sides sides = LiveCopies.classic(
                        grafanaOptions.connect(client, err), ours, note -> err.println("dash: " + note));
                ours.putAll(sides.ours());
                theirs.putAll(sides.grafana());
            }
            err.flush();
        } else {
            dir = ProjectPaths.orDefault(against, Exporter.DEFAULT_DIR);
            target = dir.toString();
            for (DashboardDocument d : DashboardFiles.readDirectory(dir).values()) {
                theirs.put(d.uid(), d.classic());
                ours.computeIfPresent(d.uid(), (uid, code) -> d.asSchemaHolds(code));
            }
        }
        java.util.List<Change> changes = DashboardDiff.compareAll(ours, theirs);
        Path fileDir = dir;
        out.print(format.render(
                changes,
                target,
                uid -> fileDir == null ? null : fileDir.resolve(uid + ".json").toString()));
        if (format == DiffFormat.TEXT) {
            long dashboards = changes.stream().map(Change::uid).distinct().count();
            out.println(
                    changes.isEmpty()
                            ? "no differences: " + ours.size() + " dashboards match " + target
                            : changes.size() + " difference" + (changes.size() == 1 ? "" : "s") + " in " + dashboards
                                    + " dashboard" + (dashboards == 1 ? "" : "s") + " between the code and " + target);
        }
        out.flush();
        return changes.isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }
}
