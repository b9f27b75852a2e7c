package io.vertice.dash.cli;

import io.vertice.dash.ExitCodes;
import io.vertice.dash.model.Dashboard;
import io.vertice.dash.model.DashboardRegistry;
import io.vertice.dash.model.Panel;
import io.vertice.dash.model.Query;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dash list}: dashboards, their panels and queries. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "List the dashboards, their panels and their queries.",
        footer = {"", "Example:", "  dash list | grep rate_interval"})
public final class ListCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (Dashboard d : DashboardRegistry.all()) {
            out.printf("%s  %s  (%d panels)%n", d.uid(), d.title(), d.panels().size());
            for (Panel p : d.panels()) {
                out.printf(
                        "  #%-3d %-14s %s  [%s]%n",
                        p.id(),
                        p.spec().type().pluginId(),
                        p.title(),
                        p.spec().unit().isEmpty() ? "-" : p.spec().unit());
                for (Query q : p.spec().targets()) {
                    out.printf("         %s: %s%n", q.refId(), q.expr());
                }
            }
        }
        return ExitCodes.OK;
    }
}
