package io.vertice.dash.grafana;

/**
 * A Grafana folder.
 *
 * @param uid       the folder's uid
 * @param title     its title
 * @param parentUid the parent's uid (nested folders), or null at the root or when the server does not say
 */
public record Folder(String uid, String title, String parentUid) {}
