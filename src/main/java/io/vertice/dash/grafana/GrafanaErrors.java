package io.vertice.dash.grafana;

/**
 * Turns Grafana's error answers into sentences a user can act on. Covers the documented answers of
 * the dashboard and folder APIs: 401, 403, 404, 409/412 with {@code version-mismatch},
 * {@code name-exists} or {@code plugin-dashboard} (older Grafana says 412, newer 409), the Kubernetes
 * {@code Status} reasons of {@code /apis} ({@code Conflict}, {@code AlreadyExists}), 400 for a
 * provisioned dashboard, and 5xx after retries.
 */
public final class GrafanaErrors {
    private GrafanaErrors() {}

    /**
     * @param read  whether the request only reads (a 403 then means no read access, not missing write access)
     * @param settings the connection, for advice that fits the kind of credentials (token, basic auth, none)
     */
    // the conflict statuses' switch falls through to the checks after it for any other status, which an
    // expression switch cannot do
    @SuppressWarnings("StatementSwitchToExpressionSwitch")
    static String sentence(
            String what,
            boolean read,
            GrafanaSettings settings,
            int code,
            String reason,
            String apiStatus,
            String apiMessage,
            int attempts) {
        String answer = code
                + (apiStatus != null ? " " + apiStatus : "")
                + (apiMessage != null
                        ? " \"" + apiMessage + "\""
                        : reason == null || reason.isEmpty() ? "" : " " + reason);
        if (code == 401) {
            String advice = settings.token() != null
                    ? "the token is invalid, expired or revoked; create a new service account token and set GRAFANA_TOKEN."
                    : settings.password() != null
                            ? "the user " + settings.user()
                                    + " or its password is wrong, or basic auth is disabled in Grafana; check GRAFANA_USER and GRAFANA_PASSWORD."
                            : "no credentials were sent and Grafana requires them; set GRAFANA_TOKEN (a service account token) or GRAFANA_USER and GRAFANA_PASSWORD.";
            return "Grafana refused the credentials while " + what + " (" + answer + "): " + advice;
        }
        if (code == 403 && read) {
            return "Grafana denied " + what + " (" + answer + "): the account may not read it; give it the Viewer role"
                    + " or read permission on the dashboard or its folder.";
        }
        if (code == 403) {
            return "Grafana denied " + what + " (" + answer + "): the service account lacks the permission"
                    + " (it needs the Editor role or write access to the folder) or an organisation quota is reached.";
        }
        if ((code == 409 || code == 412) && apiStatus != null) {
            switch (apiStatus) {
                case "version-mismatch", "Conflict":
                    return what + " failed: the dashboard was changed in Grafana by someone else since dash read it ("
                            + answer + "); run the import again, or pass --overwrite to replace their change.";
                case "name-exists":
                    return what
                            + " failed: another dashboard with the same title or uid already exists in that folder ("
                            + answer + "); rename one of them, or pass --overwrite to replace the other one.";
                case "AlreadyExists":
                    return what + " failed: Grafana already has a dashboard with this uid (" + answer
                            + "), created since dash looked; run the import again, or pass --overwrite to replace it.";
                case "plugin-dashboard":
                    return what + " failed: the dashboard belongs to a plugin (" + answer
                            + "); Grafana manages it through that plugin, so change it there or import ours under another uid.";
                default:
                    break;
            }
        }
        if (code == 400
                && apiMessage != null
                && apiMessage.toLowerCase(java.util.Locale.ROOT).contains("provisioned")) {
            return what
                    + " failed: the dashboard is provisioned from a file on the Grafana server and Grafana refuses API changes to it ("
                    + answer
                    + "); change the provisioning file instead (for ours: `dash export`, then let Grafana reload"
                    + " monitoring/grafana/dashboards), or remove it from provisioning to manage it with dash import.";
        }
        if (code == 404) {
            return what + " failed: Grafana has no such resource (" + answer
                    + "); check the uid or folder, which may have been deleted.";
        }
        if (code >= 500) {
            return "Grafana failed while " + what + " (" + answer
                    + (attempts > 1 ? ", tried " + attempts + " times" : "")
                    + "); check Grafana's logs and try again later.";
        }
        return "Grafana rejected " + what + " (" + answer + "); check the dashboard JSON and Grafana's logs.";
    }
}
