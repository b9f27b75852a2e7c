package io.vertice.dash.cli;

import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.docs.ReferenceDocs;
import io.vertice.dash.json.AtomicFiles;
import io.vertice.dash.json.TextFiles;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.simulator.SimulatorCatalog;
import io.vertice.dash.validate.rules.RuleCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dash docs}: the Markdown PromQL reference, generated from the builders and the catalogue. */
@Command(
        name = "docs",
        mixinStandardHelpOptions = true,
        description = "Generate the PromQL reference of the dashboards and the metric catalogue, the rule reference "
                + RuleCatalog.DOCS_FILE + " and the README's rule table (Markdown).",
        footer = {
            "",
            "Examples:",
            "  dash docs            write " + ReferenceDocs.DEFAULT_FILE,
            "  dash docs --check    exit 1 when the committed reference differs from the code (CI)"
        })
public final class DocsCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "Write only the dashboards reference, to FILE (default: " + ReferenceDocs.DEFAULT_FILE
                    + " under the repository, together with " + RuleCatalog.DOCS_FILE
                    + " and the README's rule table).")
    Path out;

    @Option(
            names = "--check",
            description = "Write nothing; exit 1 when a generated file differs from what the code generates.")
    boolean check;

    /** One generated file: where it goes and its text given what is there now (null when it cannot be made). */
    private record Generated(Path file, java.util.function.UnaryOperator<String> render) {}

    @Override
    public Integer call() {
        List<Generated> targets = new ArrayList<>();
        targets.add(new Generated(
                ProjectPaths.orDefault(out, ReferenceDocs.DEFAULT_FILE),
                current -> ReferenceDocs.render(DashboardRegistry.all(), SimulatorCatalog.catalog())));
        if (out == null) { // the rule reference and the README's rule table, from the rules' @RuleInfo
            targets.add(
                    new Generated(ProjectPaths.root().resolve(RuleCatalog.DOCS_FILE), current -> RuleCatalog.docs()));
            targets.add(new Generated(
                    ProjectPaths.root().resolve("README.md"),
                    current -> current == null ? null : RuleCatalog.withReadmeTable(current)));
        }
        var stdout = spec.commandLine().getOut();
        boolean drift = false;
        for (Generated g : targets) {
            String current = TextFiles.readIfPresent(g.file());
            String text = g.render().apply(current);
            if (text == null) {
                throw DashException.input(g.file() + " has no generated rule table; put the lines "
                        + RuleCatalog.TABLE_BEGIN + " and " + RuleCatalog.TABLE_END + " where it belongs.");
            }
            if (text.equals(current)) {
                stdout.println(g.file() + (check ? " matches the code" : " unchanged"));
            } else if (check) {
                drift = true;
                stdout.println((current == null ? "missing  " : "changed  ") + g.file());
            } else {
                AtomicFiles.write(g.file(), text);
                stdout.println(g.file() + " written");
            }
        }
        if (drift) {
            stdout.println("the reference differs from the code; run 'dash docs' and commit the result.");
            return ExitCodes.FINDINGS;
        }
        return ExitCodes.OK;
    }
}
