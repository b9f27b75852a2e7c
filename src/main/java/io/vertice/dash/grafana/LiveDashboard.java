package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.v2.DashboardConversion;

/**
 * A dashboard as Grafana has it, read through either API.
 *
 * @param uid         its uid ({@code metadata.name} on {@code /apis})
 * @param dashboard   the classic model with {@code uid} (as the legacy API returns it, or the classic spec of
 *                    {@code /apis}); for a dashboard stored as v2, its classic conversion
 *                    ({@link DashboardConversion#toClassic}; {@link Stored#classicProblem()} says what it loses)
 * @param id          Grafana's numeric id in this install (legacy API; 0 on {@code /apis})
 * @param version     the stored version: the legacy {@code version}, or {@code metadata.generation}
 * @param folderUid   the folder's uid, or empty for the root ("Dashboards"/"General")
 * @param folderTitle the folder's title, or empty when not known
 * @param url         path of the dashboard in Grafana's UI, or empty when not known
 * @param manager     who else manages it (provisioning, Git Sync, Terraform...), or null
 * @param stored      the {@code /apis} object in its stored version; null on the legacy API
 */
public record LiveDashboard(
        String uid,
        ObjectNode dashboard,
        long id,
        long version,
        String folderUid,
        String folderTitle,
        String url,
        Manager manager,
        Stored stored) {

    /**
     * Ours in the form to compare with {@link #dashboard()}: as it is for a classic dashboard; for one stored as
     * v2, ours sent through the same classic → v2 → classic conversion, so that what the conversion alone
     * changes (row ids, defaults, schemaVersion) is on both sides and only content differences remain
     * ({@link ConversionNoise} is taken off both).
     */
    public ObjectNode comparable(ObjectNode ours) {
        if (stored == null || !stored.isV2()) {
            return ours;
        }
        ObjectNode roundTrip = ConversionNoise.remove(DashboardConversion.toClassic(DashboardConversion.toV2(ours)));
        roundTrip.put("uid", uid);
        return roundTrip;
    }

    /**
     * The object as {@code /apis} stores it.
     *
     * @param version        the API version it is stored in ({@code v1}, {@code v2beta1}...)
     * @param object         the whole object read in that version (envelope and spec)
     * @param classicProblem what of it classic JSON cannot hold (dash's round-trip check), or null
     */
    public record Stored(String version, ObjectNode object, String classicProblem) {
        public boolean isV2() {
            return version.startsWith("v2");
        }

        public String resourceVersion() {
            return object.path("metadata").path("resourceVersion").asText("");
        }
    }
}
