package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Who else manages a dashboard, so dash does not overwrite it: Grafana's classic file provisioning
 * ({@code meta.provisioned} on the legacy API) or the manager named by the {@code grafana.app/managedBy}
 * annotation of {@code /apis} ({@code repo} for Git Sync, {@code terraform}, {@code kubectl},
 * {@code plugin}, {@code classic-file-provisioning}, ...).
 *
 * @param kind the manager kind, as Grafana names it
 * @param id   the manager's identity (repository name, provisioning file, plugin id), or empty
 */
public record Manager(String kind, String id) {
    /** The kind Grafana gives dashboards of its classic file provisioning. */
    public static final String FILE_PROVISIONING = "classic-file-provisioning";

    /** The manager named by an object's {@code metadata.annotations}, or null when nothing manages it. */
    static Manager fromAnnotations(JsonNode annotations) {
        String kind = annotations.path("grafana.app/managedBy").asText("");
        if (kind.isEmpty()) {
            return null;
        }
        String id = annotations.path("grafana.app/managerId").asText("");
        if (id.isEmpty()) {
            id = annotations.path("grafana.app/sourcePath").asText("");
        }
        return new Manager(kind, id);
    }

    /** Who it is, for sentences: "Git Sync (repository cockpit-repo)", "the provisioning file x.json". */
    public String describe() {
        String named = id.isEmpty() ? "" : " " + id;
        return switch (kind) {
            case "repo" -> "Git Sync" + (id.isEmpty() ? "" : " (repository " + id + ")");
            case "terraform" -> "Terraform" + (id.isEmpty() ? "" : " (" + id + ")");
            case "kubectl" -> "kubectl or a Kubernetes operator" + (id.isEmpty() ? "" : " (" + id + ")");
            case "plugin" -> "the plugin" + named;
            case FILE_PROVISIONING -> id.isEmpty()
                    ? "a provisioning file on the Grafana server"
                    : "the provisioning file " + id + " on the Grafana server";
            default -> "\"" + kind + "\"" + (id.isEmpty() ? "" : " (" + id + ")");
        };
    }

    /** The short reason shown as the dry-run action: {@code provisioned: change the file on the server}. */
    public String skipReason() {
        return FILE_PROVISIONING.equals(kind)
                ? "provisioned: change the file on the server"
                : "managed by " + describe() + ": change it there";
    }

    /** Why dash leaves it alone and what to do instead; one sentence. */
    public String refusal(String uid) {
        if (FILE_PROVISIONING.equals(kind)) {
            return "dashboard " + uid + " is provisioned from " + describe()
                    + ", and Grafana refuses API changes to it;"
                    + " change that file instead (for ours: `dash export` writes monitoring/grafana/dashboards), or remove it from"
                    + " provisioning to manage it with dash import.";
        }
        return "dashboard " + uid + " is managed by " + describe() + " (grafana.app/managedBy: " + kind
                + "), so dash does not" + " overwrite it; change it where " + describe()
                + " keeps it, or release it from that manager first.";
    }
}
