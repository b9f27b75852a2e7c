package io.vertice.dash.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds every {@link DashboardDefinition} on the class path and builds them, sorted by uid. */
public final class DashboardRegistry {
    private DashboardRegistry() {}

    public static List<Dashboard> all() {
        return defined().stream().map(Defined::dashboard).toList();
    }

    /** A dashboard and the class that defines it (what a message about its code names). */
    public record Defined(Class<? extends DashboardDefinition> definition, Dashboard dashboard) {}

    /** Every dashboard with its defining class, sorted by uid. */
    public static List<Defined> defined() {
        List<Defined> out = new ArrayList<>();
        for (DashboardDefinition d :
                ServiceLoader.load(DashboardDefinition.class, DashboardRegistry.class.getClassLoader())) {
            out.add(new Defined(d.getClass(), d.build()));
        }
        out.sort(Comparator.comparing(d -> d.dashboard().uid()));
        Set<String> uids = new HashSet<>();
        for (Defined d : out) {
            if (!uids.add(d.dashboard().uid())) {
                throw new IllegalStateException(
                        "two dashboards share the uid " + d.dashboard().uid() + "; uids must be unique");
            }
        }
        return List.copyOf(out);
    }
}
