package io.vertice.dash.grafana;

import java.util.List;

/**
 * One dashboard found by {@code GET /api/search?type=dash-db}.
 *
 * @param uid         the dashboard's uid
 * @param title       its title
 * @param folderUid   its folder's uid, or empty at the root
 * @param folderTitle its folder's title, or empty
 * @param tags        its tags
 */
public record SearchHit(String uid, String title, String folderUid, String folderTitle, List<String> tags) {}
