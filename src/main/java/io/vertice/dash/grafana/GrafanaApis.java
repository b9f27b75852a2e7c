package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.DashException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decides, on first contact, which API dash speaks with a Grafana: {@code GET /apis} lists
 * {@code dashboard.grafana.app} on Grafana 12+ (the way in on 13), and then dash uses it; otherwise
 * (Grafana 10–11, or 12 with the Kubernetes APIs off) the legacy {@code /api} as before. The entry point
 * of the package for the Grafana commands.
 */
public final class GrafanaApis {
    private GrafanaApis() {}

    /** Which API to speak: decided by discovery, or pinned. */
    public enum Choice {
        AUTO,
        LEGACY,
        APIS;

        /** {@code auto}, {@code legacy} or {@code apis}. */
        public static Choice parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw DashException.input("--api must be auto, legacy or apis, got \"" + text + "\".");
            }
        }
    }

    /**
     * Checks Grafana's health, discovers its APIs and returns its dashboards.
     *
     * @param namespace the {@code /apis} namespace ({@code stacks-<id>} on Grafana Cloud), or null to derive
     *                  it from the organisation: {@code default} for org 1 (and when none is given), else {@code org-<id>}
     * @param log       receives the decision (--verbose)
     */
    public static Dashboards connect(GrafanaClient client, Choice choice, String namespace, Consumer<String> log) {
        client.health();
        String ns = namespace != null && !namespace.isBlank()
                ? namespace.trim()
                : namespaceOf(client.settings().orgId());
        if (choice == Choice.LEGACY) {
            log.accept("using the legacy /api (pinned by --api legacy)");
            return legacy(client, log, namespace);
        }
        JsonNode groups = client.discovery();
        ApiVersions versions = groups == null ? null : ApiVersions.of(groups);
        if (versions == null) {
            if (choice == Choice.APIS) {
                throw DashException.remote("Grafana at " + client.settings().url() + " does not serve "
                        + ApisDashboards.GROUP + " and " + ApisDashboards.FOLDER_GROUP
                        + " under /apis (Grafana 12 or newer does); drop --api apis to use the legacy API.");
            }
            log.accept("GET /apis lists no " + ApisDashboards.GROUP + ": using the legacy /api");
            return legacy(client, log, namespace);
        }
        log.accept("using /apis: " + ApisDashboards.GROUP + "/" + versions.classic()
                + (versions.v2() == null ? "" : " (v2: " + versions.v2() + ")") + ", " + ApisDashboards.FOLDER_GROUP
                + "/"
                + versions.folder() + ", namespace " + ns);
        return new ApisDashboards(client, versions, ns);
    }

    /** The namespace of an organisation in OSS and Enterprise Grafana: {@code default} for org 1, {@code org-<id>} otherwise. */
    static String namespaceOf(Long orgId) {
        return orgId == null || orgId == 1 ? "default" : "org-" + orgId;
    }

    private static Dashboards legacy(GrafanaClient client, Consumer<String> log, String namespace) {
        return new LegacyDashboards(client, log, named -> {
            JsonNode groups = client.discovery();
            ApiVersions versions = groups == null ? null : ApiVersions.of(groups);
            if (versions == null) {
                throw DashException.remote("Grafana at " + client.settings().url()
                        + " refers dash to /apis, but GET /apis does not list " + ApisDashboards.GROUP
                        + "; check that a proxy in front of Grafana passes /apis through.");
            }
            // the namespace the 406 names is Grafana's own word; an explicit --namespace still wins
            return new ApisDashboards(
                    client, versions, namespace != null && !namespace.isBlank() ? namespace.trim() : named);
        });
    }
}
