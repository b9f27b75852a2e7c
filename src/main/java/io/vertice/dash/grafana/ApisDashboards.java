package io.vertice.dash.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.export.ExportSchema;
import io.vertice.dash.json.Json;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboards and folders through Grafana's Kubernetes-style API ({@code /apis/dashboard.grafana.app},
 * {@code /apis/folder.grafana.app}), as {@code ../shared/grafana-v2/API.md} describes it: objects named
 * by uid in a namespace, the folder as the {@code grafana.app/folder} annotation, optimistic concurrency
 * by {@code metadata.resourceVersion} (409 when stale), the commit message as {@code grafana.app/message},
 * list pages by {@code limit}/{@code continue}, and conversion on read reported in {@code status.conversion}.
 * dash writes classic specs through the highest classic version served ({@code v1} on 13, {@code v1beta1} on 12).
 */
final class ApisDashboards implements Dashboards {
    static final String GROUP = "dashboard.grafana.app";
    static final String FOLDER_GROUP = "folder.grafana.app";
    static final String FOLDER = "grafana.app/folder";
    static final String MESSAGE = "grafana.app/message";
    /** Server-owned metadata that a replace must not send back. */
    private static final List<String> SERVER_OWNED_METADATA =
            List.of("uid", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "selfLink");

    private final GrafanaClient client;
    private final ApiVersions versions;
    private final String namespace;
    private final Map<String, String> folderTitles = new ConcurrentHashMap<>();

    ApisDashboards(GrafanaClient client, ApiVersions versions, String namespace) {
        this.client = client;
        this.versions = versions;
        this.namespace = namespace;
    }

    @Override
    public GrafanaClient client() {
        return client;
    }

    String namespace() {
        return namespace;
    }

    private String dashboards(String version) {
        return "apis/" + GROUP + "/" + version + "/namespaces/" + namespace + "/dashboards";
    }

    private String folderPath() {
        return "apis/" + FOLDER_GROUP + "/" + versions.folder() + "/namespaces/" + namespace + "/folders";
    }

    @Override
    public Optional<LiveDashboard> read(String uid) {
        String what = "reading dashboard " + uid;
        JsonNode o = client.json(what, "GET", dashboards(versions.classic()) + "/" + uid, null, true);
        if (o == null) {
            return Optional.empty();
        }
        Conversion conv = Conversion.of(o);
        String stored = conv.storedVersion() == null ? versions.classic() : conv.storedVersion();
        if (!stored.startsWith("v2")) {
            if (conv.failed()) {
                throw DashException.remote("Grafana could not read dashboard " + uid + " as " + versions.classic()
                        + " from its stored " + stored + " (status.conversion: " + conv.error()
                        + "); check the dashboard in Grafana's UI.");
            }
            return Optional.of(live(
                    uid, (ObjectNode) o, classicOf(uid, o), new LiveDashboard.Stored(stored, (ObjectNode) o, null)));
        }
        // stored as v2: read it as stored, so nothing a classic read loses goes unnoticed
        String v2 = versions.dashboard().contains(stored) ? stored : versions.v2();
        if (v2 == null) {
            throw DashException.remote("dashboard " + uid + " is stored as " + stored + ", which Grafana at "
                    + client.settings().url() + " does not serve; open and save it in Grafana's UI, or upgrade dash.");
        }
        JsonNode asStored = client.json(what + " as " + v2, "GET", dashboards(v2) + "/" + uid, null, true);
        if (asStored == null) {
            return Optional.empty();
        }
        Conversion storedConv = Conversion.of(asStored);
        if (storedConv.failed()) {
            throw DashException.remote("Grafana could not read dashboard " + uid + " as " + v2 + " (status.conversion: "
                    + storedConv.error() + "); check the dashboard in Grafana's UI.");
        }
        // compared and pulled through dash's own v2 -> classic conversion (Grafana's rules), not the server's
        // v1 view of it, so that both sides of a comparison go through the same converter
        ObjectNode classic = ConversionNoise.remove(DashboardConversion.toClassic((ObjectNode) asStored.path("spec")));
        classic.put("uid", uid);
        String problem = V2Features.classicLoss(asStored.path("spec"), v2);
        return Optional.of(live(
                uid, (ObjectNode) asStored, classic, new LiveDashboard.Stored(v2, (ObjectNode) asStored, problem)));
    }

    private LiveDashboard live(String uid, ObjectNode object, ObjectNode classic, LiveDashboard.Stored stored) {
        JsonNode meta = object.path("metadata");
        String folderUid = meta.path("annotations").path(FOLDER).asText("");
        return new LiveDashboard(
                uid,
                classic,
                0,
                meta.path("generation").asLong(0),
                folderUid,
                folderTitle(folderUid),
                uiPath(uid),
                Manager.fromAnnotations(meta.path("annotations")),
                stored);
    }

    /** The classic model inside a v0/v1 object: its spec with the uid the envelope keeps in metadata.name. */
    private static ObjectNode classicOf(String uid, JsonNode object) {
        JsonNode spec = object.path("spec");
        ObjectNode classic = spec.isObject() ? (ObjectNode) spec.deepCopy() : Json.object();
        classic.put("uid", uid);
        return classic;
    }

    private String folderTitle(String folderUid) {
        if (folderUid.isEmpty()) {
            return "";
        }
        return folderTitles.computeIfAbsent(folderUid, uid -> {
            JsonNode f = client.json("reading folder " + uid, "GET", folderPath() + "/" + uid, null, true);
            return f == null ? uid : f.path("spec").path("title").asText(uid);
        });
    }

    @Override
    public void requireSchema(ExportSchema schema) {
        if (schema == ExportSchema.V2 && v2Target() == null) {
            throw DashException.input("Grafana at " + client.settings().url() + " serves no v2 or v2beta1 version of "
                    + GROUP + " (it serves " + String.join(", ", versions.dashboard())
                    + "); import with --schema classic.");
        }
    }

    /** The v2 version dash writes through: v2, else v2beta1; null when neither is served. */
    private SchemaVersion v2Target() {
        return versions.dashboard().contains("v2")
                ? SchemaVersion.V2
                : versions.dashboard().contains("v2beta1") ? SchemaVersion.V2BETA1 : null;
    }

    @Override
    public SaveResult save(
            ObjectNode model,
            LiveDashboard existing,
            String folderUid,
            boolean overwrite,
            String message,
            ExportSchema schema) {
        String uid = model.path("uid").asText();
        String version;
        ObjectNode spec;
        if (schema == ExportSchema.V2) {
            SchemaVersion target = v2Target();
            version = target.apiVersion().substring(target.apiVersion().indexOf('/') + 1);
            spec = DashboardConversion.toV2(model, target);
        } else {
            version = versions.classic();
            spec = model.deepCopy();
            // identity lives in the envelope; Grafana's own converter drops these from spec
            spec.remove(List.of("id", "uid", "version"));
        }
        String what = "saving dashboard " + uid;
        String path = dashboards(version);
        try {
            JsonNode saved = existing == null
                    ? client.json(what, "POST", path, envelope(uid, version, null, spec, folderUid, message), false)
                    : client.json(
                            what,
                            "PUT",
                            path + "/" + uid,
                            envelope(uid, version, existing, spec, folderUid, message),
                            false);
            return result(uid, saved);
        } catch (GrafanaApiException e) {
            if (!overwrite || e.httpStatus() != 409) {
                throw e;
            }
            // --overwrite: re-read the current resourceVersion and replace once
            LiveDashboard now = read(uid).orElse(null);
            JsonNode saved = now == null
                    ? client.json(what, "POST", path, envelope(uid, version, null, spec, folderUid, message), false)
                    : client.json(
                            what,
                            "PUT",
                            path + "/" + uid,
                            envelope(uid, version, now, spec, folderUid, message),
                            false);
            return result(uid, saved);
        }
    }

    /** The object to send: ours for a create; for a replace, the metadata read (resourceVersion, labels, annotations) with our spec. */
    private ObjectNode envelope(
            String uid, String version, LiveDashboard existing, ObjectNode spec, String folderUid, String message) {
        ObjectNode o = Json.object();
        o.put("apiVersion", GROUP + "/" + version);
        o.put("kind", "Dashboard");
        ObjectNode meta;
        if (existing == null) {
            meta = o.putObject("metadata");
            meta.put("name", uid);
        } else {
            meta = (ObjectNode) existing.stored().object().path("metadata").deepCopy();
            meta.remove(SERVER_OWNED_METADATA);
            o.set("metadata", meta);
        }
        ObjectNode annotations =
                meta.has("annotations") && meta.get("annotations").isObject()
                        ? (ObjectNode) meta.get("annotations")
                        : meta.putObject("annotations");
        if (folderUid == null || folderUid.isEmpty()) {
            annotations.remove(FOLDER);
        } else {
            annotations.put(FOLDER, folderUid);
        }
        annotations.put(MESSAGE, message);
        o.set("spec", spec);
        return o;
    }

    private SaveResult result(String uid, JsonNode saved) {
        return new SaveResult(uid, saved.path("metadata").path("generation").asLong(0), uiPath(uid));
    }

    /** The dashboard's page, {@code /d/<uid>} under Grafana's sub-path (the legacy API's meta.url includes it too). */
    private String uiPath(String uid) {
        String root = client.settings().url().encodedPath();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/d/" + uid;
    }

    @Override
    public List<SearchHit> search(SearchQuery query, int pageSize) {
        List<SearchHit> out = new ArrayList<>();
        for (JsonNode item : list(dashboards(versions.classic()), "listing dashboards", Math.min(pageSize, 500))) {
            JsonNode meta = item.path("metadata");
            String uid = meta.path("name").asText();
            String folderUid = meta.path("annotations").path(FOLDER).asText("");
            List<String> tags = new ArrayList<>();
            item.path("spec").path("tags").forEach(t -> tags.add(t.asText()));
            boolean matches = (query.uids().isEmpty() || query.uids().contains(uid))
                    && (query.folderUids().isEmpty() || query.folderUids().contains(folderUid))
                    && tags.containsAll(query.tags());
            if (matches) {
                out.add(new SearchHit(
                        uid, item.path("spec").path("title").asText(uid), folderUid, "", List.copyOf(tags)));
            }
        }
        return out;
    }

    /**
     * Every item of a list, page by page: {@code limit}, then {@code continue} while the answer has one (the
     * server may return fewer than {@code limit} items before the end). An expired token (410) restarts the list once.
     */
    private List<JsonNode> list(String path, String what, int limit) {
        for (int attempt = 1; ; attempt++) {
            List<JsonNode> items = new ArrayList<>();
            String next = null;
            try {
                do {
                    JsonNode page = client.json(
                            what, "GET", path, null, false, "limit", Integer.toString(limit), "continue", next);
                    page.path("items").forEach(items::add);
                    next = page.path("metadata").path("continue").asText("");
                    next = next.isEmpty() ? null : next;
                } while (next != null);
                return items;
            } catch (GrafanaApiException e) {
                if (e.httpStatus() != 410 || attempt > 1) {
                    throw e;
                }
            }
        }
    }

    @Override
    public FolderApi folders() {
        return new FolderApi() {
            @Override
            public List<Folder> folders(String parentUid) {
                List<Folder> out = new ArrayList<>();
                for (JsonNode f : list(folderPath(), "listing folders", 500)) {
                    String parent =
                            f.path("metadata").path("annotations").path(FOLDER).asText("");
                    if (parent.equals(parentUid == null ? "" : parentUid)) {
                        out.add(new Folder(
                                f.path("metadata").path("name").asText(),
                                f.path("spec").path("title").asText(),
                                parent.isEmpty() ? null : parent));
                    }
                }
                return out;
            }

            @Override
            public Folder createFolder(String title, String parentUid) {
                ObjectNode o = Json.object();
                o.put("apiVersion", FOLDER_GROUP + "/" + versions.folder());
                o.put("kind", "Folder");
                ObjectNode meta = o.putObject("metadata");
                // named by its place: a retried create whose answer was lost meets its own folder (409), not a twin
                meta.put("name", folderUid(parentUid, title));
                if (parentUid != null) {
                    meta.putObject("annotations").put(FOLDER, parentUid);
                }
                o.putObject("spec").put("title", title);
                JsonNode made = client.json("creating folder \"" + title + "\"", "POST", folderPath(), o, false);
                String parent =
                        made.path("metadata").path("annotations").path(FOLDER).asText("");
                return new Folder(
                        made.path("metadata").path("name").asText(),
                        made.path("spec").path("title").asText(title),
                        parent.isEmpty() ? null : parent);
            }

            @Override
            public String where() {
                return client.settings().url().toString();
            }
        };
    }

    /** A folder uid from its parent and title: at most 40 characters, letters and digits. */
    static String folderUid(String parentUid, String title) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(((parentUid == null ? "" : parentUid) + "/" + title).getBytes(StandardCharsets.UTF_8));
            return "dash-" + HexFormat.of().formatHex(h).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code status.conversion} of an object read through /apis: present only when the server converted it. */
    record Conversion(boolean failed, String storedVersion, String error) {
        static Conversion of(JsonNode object) {
            JsonNode c = object.path("status").path("conversion");
            String stored = c.path("storedVersion").asText("");
            return new Conversion(
                    c.path("failed").asBoolean(false),
                    stored.isEmpty() ? null : stored,
                    c.path("error").asText("no reason given"));
        }
    }
}
