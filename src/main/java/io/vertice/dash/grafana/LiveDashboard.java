package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A dashboard as Grafana stores it ({@code GET /api/dashboards/uid/:uid}).
 *
 * @param dashboard             the model, as returned (with {@code id} and {@code version})
 * @param id                    Grafana's numeric id in this install
 * @param version               the stored version
 * @param folderUid             the folder's uid, or empty for the root ("Dashboards"/"General")
 * @param folderTitle           the folder's title, or empty
 * @param url                   path of the dashboard in Grafana's UI
 * @param provisioned           whether it was provisioned from a file (then the API refuses to save it)
 * @param provisionedExternalId the provisioning file name, when provisioned
 */
public record LiveDashboard(ObjectNode dashboard, long id, long version, String folderUid, String folderTitle,
                            String url, boolean provisioned, String provisionedExternalId) {
}
