package io.vertice.dash.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** Finds every {@link DashboardDefinition} on the class path and builds them, sorted by uid. */
public final class DashboardRegistry {
    private DashboardRegistry() {
    }

    public static List<Dashboard> all() {
        List<Dashboard> out = new ArrayList<>();
        for (DashboardDefinition d : ServiceLoader.load(DashboardDefinition.class, DashboardRegistry.class.getClassLoader())) {
            out.add(d.build());
        }
        out.sort(Comparator.comparing(Dashboard::uid));
        Set<String> uids = new HashSet<>();
        for (Dashboard d : out) {
            if (!uids.add(d.uid())) {
                throw new IllegalStateException("two dashboards share the uid " + d.uid() + "; uids must be unique");
            }
        }
        return List.copyOf(out);
    }
}
