package io.vertice.dash.grafana;

import java.util.List;

/**
 * A dashboard search. Empty lists mean "no filter"; filters combine as Grafana combines them
 * (a dashboard must match all given kinds of filter, and any value within one kind; tags must all match).
 *
 * @param uids       dashboard uids ({@code dashboardUIDs})
 * @param folderUids folder uids ({@code folderUIDs})
 * @param tags       tags ({@code tag})
 */
public record SearchQuery(List<String> uids, List<String> folderUids, List<String> tags) {
    public SearchQuery {
        uids = List.copyOf(uids);
        folderUids = List.copyOf(folderUids);
        tags = List.copyOf(tags);
    }

    public static SearchQuery all() {
        return new SearchQuery(List.of(), List.of(), List.of());
    }
}
