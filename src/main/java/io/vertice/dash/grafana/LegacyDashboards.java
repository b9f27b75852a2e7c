package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.export.ExportSchema;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Dashboards through the legacy {@code /api} (Grafana 10.4–12, and 13 where it is deprecated but served).
 * A dashboard stored as v2 makes Grafana 12+ answer 406 naming its {@code /apis} address: that dashboard
 * is then read and saved through {@code /apis}, with one {@code --verbose} line, never an error.
 */
final class LegacyDashboards implements Dashboards {
    private final GrafanaClient client;
    private final Consumer<String> log;
    /** Opens /apis in the namespace a 406 names; called at most once. */
    private final Function<String, ApisDashboards> openApis;

    private ApisDashboards apis;

    LegacyDashboards(GrafanaClient client, Consumer<String> log, Function<String, ApisDashboards> openApis) {
        this.client = client;
        this.log = log;
        this.openApis = openApis;
    }

    @Override
    public GrafanaClient client() {
        return client;
    }

    @Override
    public Optional<LiveDashboard> read(String uid) {
        try {
            return client.dashboard(uid);
        } catch (StoredAsV2 e) {
            log.accept("dashboard " + uid + " is stored as " + e.version() + ", which the legacy API does not serve;"
                    + " reading it through /apis (namespace " + e.namespace() + ")");
            return apis(e.namespace()).read(uid);
        }
    }

    @Override
    public SaveResult save(
            ObjectNode model,
            LiveDashboard existing,
            String folderUid,
            boolean overwrite,
            String message,
            ExportSchema schema) {
        if (existing != null && existing.stored() != null) {
            // read through /apis after a 406: its version guard is the resourceVersion, so save there too
            return apis(null).save(model, existing, folderUid, overwrite, message, schema);
        }
        ObjectNode ours = model.deepCopy();
        if (existing == null) {
            ours.putNull("id");
        } else {
            // the version we read: Grafana refuses the save if someone changed it since (version-mismatch)
            ours.put("id", existing.id());
            ours.put("version", existing.version());
        }
        return client.save(ours, folderUid, overwrite, message);
    }

    @Override
    public void requireSchema(ExportSchema schema) {
        if (schema == ExportSchema.V2) {
            throw DashException.input(
                    "Grafana at " + client.settings().url() + " is spoken to through the legacy API, which stores"
                            + " only classic dashboards; import with --schema classic, or use Grafana 12+ through /apis (--api auto).");
        }
    }

    @Override
    public List<SearchHit> search(SearchQuery query, int pageSize) {
        return client.search(query, pageSize);
    }

    @Override
    public FolderApi folders() {
        return new FolderApi() {
            @Override
            public List<Folder> folders(String parentUid) {
                return client.folders(parentUid);
            }

            @Override
            public Folder createFolder(String title, String parentUid) {
                return client.createFolder(title, parentUid);
            }

            @Override
            public String where() {
                return client.settings().url().toString();
            }
        };
    }

    private synchronized ApisDashboards apis(String namespace) {
        if (apis == null) {
            apis = openApis.apply(namespace);
        }
        return apis;
    }
}
