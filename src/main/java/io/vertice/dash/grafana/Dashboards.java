package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.export.ExportSchema;
import java.util.List;
import java.util.Optional;

/**
 * One Grafana's dashboards, through whichever API it offers: the legacy {@code /api} (Grafana 10–12) or
 * the Kubernetes-style {@code /apis} (Grafana 12+, the way in on 13). {@link GrafanaApis#connect} picks one.
 */
public interface Dashboards {
    /** The HTTP client underneath (settings, URL). */
    GrafanaClient client();

    /** The dashboard with this uid, read in its stored version, or empty when Grafana has none. */
    Optional<LiveDashboard> read(String uid);

    /**
     * Creates ({@code existing} null) or updates a dashboard with a classic model.
     *
     * @param model     the classic model, with {@code uid}
     * @param existing  Grafana's copy as just read (its version guards against concurrent edits), or null
     * @param folderUid the folder to save into; null or empty for the root
     * @param overwrite replace even when Grafana's copy changed since it was read
     * @param message   the version history note
     * @param schema    the schema to store it in ({@link #requireSchema} said it can)
     */
    SaveResult save(
            ObjectNode model,
            LiveDashboard existing,
            String folderUid,
            boolean overwrite,
            String message,
            ExportSchema schema);

    /** One sentence (exit 2) when this Grafana cannot store dashboards in {@code schema}. */
    void requireSchema(ExportSchema schema);

    /** Dashboards matching the query, all pages. */
    List<SearchHit> search(SearchQuery query, int pageSize);

    /** The folders of this Grafana. */
    FolderApi folders();
}
