package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dashboard to import.
 *
 * @param uid    its uid (dash needs stable uids: the uid is how Grafana's copy is found)
 * @param title  its title
 * @param json   the dashboard model (not the API wrapper)
 * @param origin where it came from, for messages (a class, a file)
 */
public record DashboardInput(String uid, String title, ObjectNode json, String origin) {
}
