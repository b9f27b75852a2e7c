package io.vertice.dash.grafana;

import java.util.List;

/** The folder operations {@link FolderResolver} needs, served by the legacy {@code /api/folders} or {@code folder.grafana.app}. */
interface FolderApi {
    /** Immediate subfolders of {@code parentUid} (the root when null). */
    List<Folder> folders(String parentUid);

    /** Creates a folder; a {@link GrafanaApiException} with status 409 when it exists already. */
    Folder createFolder(String title, String parentUid);

    /** Grafana's URL, for sentences. */
    String where();
}
