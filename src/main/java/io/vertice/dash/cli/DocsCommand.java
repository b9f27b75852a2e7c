package io.vertice.dash.cli;

import io.vertice.dash.ExitCodes;
import io.vertice.dash.docs.ReferenceDocs;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.json.TextFiles;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.simulator.SimulatorCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code dash docs}: the Markdown PromQL reference, generated from the builders and the catalogue. */
@Command(name = "docs",
        mixinStandardHelpOptions = true,
        description = "Generate the PromQL reference of the dashboards and the metric catalogue (Markdown).",
        footer = {"", "Examples:",
                "  dash docs            write " + ReferenceDocs.DEFAULT_FILE,
                "  dash docs --check    exit 1 when the committed reference differs from the code (CI)"})
public final class DocsCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE",
            description = "File to write (default: " + ReferenceDocs.DEFAULT_FILE + " under the repository).")
    Path out;

    @Option(names = "--check", description = "Write nothing; exit 1 when the file differs from what the code generates.")
    boolean check;

    @Override
    public Integer call() {
        Path file = ProjectPaths.orDefault(out, ReferenceDocs.DEFAULT_FILE);
        String text = ReferenceDocs.render(DashboardRegistry.all(), SimulatorCatalog.catalog());
        String current = TextFiles.readIfPresent(file);
        var stdout = spec.commandLine().getOut();
        if (check) {
            if (text.equals(current)) {
                stdout.println(file + " matches the code");
                return ExitCodes.OK;
            }
            stdout.println((current == null ? "missing  " : "changed  ") + file);
            stdout.println("the reference differs from the code; run 'dash docs' and commit the result.");
            return ExitCodes.FINDINGS;
        }
        if (text.equals(current)) {
            stdout.println(file + " unchanged");
        } else {
            AtomicFiles.write(file, text);
            stdout.println(file + " written");
        }
        return ExitCodes.OK;
    }
}
