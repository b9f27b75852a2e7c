package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code GET /apis} (a Kubernetes {@code APIGroupList}) says Grafana serves, and the versions dash uses.
 *
 * @param dashboard every version of {@code dashboard.grafana.app} served
 * @param classic   the highest classic-spec version served ({@code v1} &gt; {@code v1beta1} &gt; {@code v0alpha1}),
 *                  what dash writes its classic dashboards through
 * @param v2        the highest v2-spec version served ({@code v2} &gt; {@code v2beta1} &gt; {@code v2alpha1}), or null
 * @param folder    the {@code folder.grafana.app} version to use ({@code v1} &gt; {@code v1beta1})
 */
record ApiVersions(List<String> dashboard, String classic, String v2, String folder) {
    private static final List<String> CLASSIC = List.of("v1", "v1beta1", "v0alpha1");
    private static final List<String> V2 = List.of("v2", "v2beta1", "v2alpha1");
    private static final List<String> FOLDER = List.of("v1", "v1beta1");

    /** The versions in an APIGroupList, or null when it lacks a dashboard group dash can write classic dashboards to. */
    static ApiVersions of(JsonNode groupList) {
        List<String> dash = versions(groupList, ApisDashboards.GROUP);
        List<String> folders = versions(groupList, ApisDashboards.FOLDER_GROUP);
        String classic = first(CLASSIC, dash);
        String folder = first(FOLDER, folders);
        if (classic == null || folder == null) {
            return null;
        }
        return new ApiVersions(List.copyOf(dash), classic, first(V2, dash), folder);
    }

    private static List<String> versions(JsonNode groupList, String group) {
        List<String> out = new ArrayList<>();
        for (JsonNode g : groupList.path("groups")) {
            if (group.equals(g.path("name").asText())) {
                g.path("versions").forEach(v -> out.add(v.path("version").asText()));
            }
        }
        return out;
    }

    private static String first(List<String> preferred, List<String> served) {
        return preferred.stream().filter(served::contains).findFirst().orElse(null);
    }
}
