package io.vertice.dash.grafana;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small stateful Grafana on WireMock, following Grafana's documented HTTP API (dashboard, folder,
 * search, health). It stores dashboards and folders, increments a dashboard's version on every save,
 * and answers like Grafana: 412 (or 409, the newer flavour) with {@code version-mismatch},
 * {@code name-exists} or {@code plugin-dashboard}; 400 "Cannot save provisioned dashboard"; 409 for a
 * duplicate folder; 404 for unknown uids and folders; 401 for wrong credentials; 403 when read-only.
 * Nested folders can be switched off (then {@code parentUid} is ignored, as in Grafana without the
 * feature). Faults are added as ordinary WireMock stubs at a higher priority ({@link #server()}).
 *
 * <p>As {@link Generation#GRAFANA_13} it also serves Grafana's Kubernetes-style {@code /apis} over the same
 * store, as {@code ../shared/grafana-v2/API.md} describes it ({@link ApisBehaviour}), and its legacy API
 * answers 406 for a dashboard stored as v2. As {@link Generation#GRAFANA_11} {@code /apis} is 404.
 */
public final class FakeGrafana implements AutoCloseable {
    public static final String TOKEN = "glsa_t0psecret_Fake0123456789abcdef";

    /** Which Grafana the fake plays. */
    public enum Generation {
        /** Grafana 10.4–11 (and 12 with the Kubernetes APIs off): the legacy /api only. */
        GRAFANA_11,
        /** Grafana 13: /apis with dashboard.grafana.app v0alpha1..v2 and folder.grafana.app, beside the deprecated /api. */
        GRAFANA_13
    }

    private final WireMockServer server;
    private final Behaviour behaviour = new Behaviour();
    final ApisBehaviour apis = new ApisBehaviour(this);
    public final Generation generation;

    /** Grafana's version in /api/health. */
    public volatile String version = "11.3.0";
    /** Whether nested folders are enabled (the feature toggle of Grafana 10, GA in 11). */
    public volatile boolean nestedFolders = true;
    /** 412 as documented up to Grafana 11, or 409 as newer Grafana answers conflicts. */
    public volatile int conflictStatus = 412;
    /** The Authorization header that is accepted; null accepts anything. */
    public volatile String expectedAuthorization = "Bearer " + TOKEN;
    /** Every write answers 403, as for a Viewer service account. */
    public volatile boolean readOnly;
    /** Search returns every dashboard whatever {@code dashboardUIDs} asks (as a proxy or an old Grafana may). */
    public volatile boolean searchIgnoresUidFilter;
    /** Search answers without credentials (anonymous viewing), so a bad token first fails on a dashboard read. */
    public volatile boolean searchNeedsNoAuth;
    /** The next save is applied, but its answer is lost (the connection is reset). */
    public volatile boolean loseNextSaveAnswer;

    private final Map<String, Stored> dashboards = new LinkedHashMap<>();
    private final Map<String, StoredFolder> folders = new LinkedHashMap<>();
    /** uids whose version someone else bumps right after dash reads them (a concurrent edit). */
    private final Set<String> editAfterRead = ConcurrentHashMap.newKeySet();

    private long nextId = 1;

    /** A stored dashboard. */
    public static final class Stored {
        /** The classic model (for a dashboard stored as v2: what Grafana's v2 → v1 conversion gives). */
        public ObjectNode model;

        public long id;
        /** The legacy version, which is also {@code metadata.generation}: it grows when the content changes. */
        public long version;
        /** {@code metadata.resourceVersion}: changes on every write. */
        public long resourceVersion;
        /** The API version it is stored in: {@code v1} (classic) or a v2 version. */
        public String storedVersion = "v1";
        /** The v2 spec when stored as v2, or the v2 form Grafana would convert a classic one to (null: none). */
        public ObjectNode v2spec;
        /** When set, converting it to the other schema fails with this error (status.conversion.failed). */
        public String conversionError;
        /** {@code metadata.annotations} a client or manager set (managedBy, message...). */
        public ObjectNode annotations = Json.object();

        public String folderUid = "";
        public boolean provisioned;
        public String provisionedFile = "";
        public String pluginId = "";
        public final List<String> messages = new ArrayList<>();
    }

    /** A stored folder. */
    public record StoredFolder(long id, String uid, String title, String parentUid) {}

    public FakeGrafana() {
        this(0);
    }

    public FakeGrafana(Generation generation) {
        this(0, generation);
    }

    /** @param fixedDelayMs latency added to every answer (benchmarks) */
    public FakeGrafana(int fixedDelayMs) {
        this(fixedDelayMs, Generation.GRAFANA_11);
    }

    public FakeGrafana(int fixedDelayMs, Generation generation) {
        this.generation = generation;
        if (generation == Generation.GRAFANA_13) {
            version = "13.0.1";
        }
        server = new WireMockServer(
                wireMockConfig().dynamicPort().containerThreads(40).extensions(behaviour));
        server.start();
        server.stubFor(any(urlPathMatching("/api/.*"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(Behaviour.NAME)));
        server.stubFor(any(urlPathMatching("/apis(/.*)?"))
                .atPriority(10)
                .willReturn(aResponse().withTransformers(Behaviour.NAME)));
        if (fixedDelayMs > 0) {
            server.setGlobalFixedDelay(fixedDelayMs);
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String url() {
        return server.baseUrl();
    }

    public synchronized Stored dashboard(String uid) {
        return dashboards.get(uid);
    }

    public synchronized int dashboardCount() {
        return dashboards.size();
    }

    /** Stores a dashboard as if saved through the UI (version 1). */
    public synchronized Stored seedDashboard(ObjectNode model, String folderUid) {
        Stored s = new Stored();
        s.model = model.deepCopy();
        s.id = nextId++;
        s.version = 1;
        s.folderUid = folderUid == null ? "" : folderUid;
        s.model.put("id", s.id);
        s.model.put("version", s.version);
        s.resourceVersion = nextResourceVersion();
        dashboards.put(model.path("uid").asText(), s);
        return s;
    }

    private long resourceVersions = 1764588557728998L;

    /** The next resourceVersion (a microsecond timestamp in unified storage; opaque to clients). */
    synchronized long nextResourceVersion() {
        return ++resourceVersions;
    }

    /**
     * Someone opens the dashboard in Grafana 13's UI and saves it: it is stored as v2 from now on.
     *
     * @param v2spec  the v2 spec the UI stores
     * @param classic what Grafana's v2 → v1 conversion gives for it (v1 reads), or null for dash's conversion of it
     */
    public synchronized void saveAsV2InUi(String uid, String storedVersion, ObjectNode v2spec, ObjectNode classic) {
        Stored s = dashboards.get(uid);
        s.storedVersion = storedVersion;
        s.v2spec = v2spec.deepCopy();
        s.version++;
        s.model = classic != null ? classic.deepCopy() : io.vertice.dash.v2.DashboardConversion.toClassic(v2spec);
        s.model.put("uid", uid).put("id", s.id).put("version", s.version);
        s.resourceVersion = nextResourceVersion();
        s.annotations.put("grafana.app/saved-from-ui", "Grafana v13.0.1");
    }

    /**
     * Stores a dashboard as v2 (created in Grafana 13's UI); {@code classic} is Grafana's v1 conversion of it
     * (from its own fixtures), or null for dash's conversion of it.
     */
    public synchronized Stored seedV2Dashboard(
            String uid, String storedVersion, ObjectNode v2spec, ObjectNode classic, String folderUid) {
        ObjectNode model =
                classic != null ? classic.deepCopy() : io.vertice.dash.v2.DashboardConversion.toClassic(v2spec);
        model.put("uid", uid);
        Stored s = seedDashboard(model, folderUid);
        s.storedVersion = storedVersion;
        s.v2spec = v2spec.deepCopy();
        return s;
    }

    synchronized Map<String, Stored> dashboards() {
        return dashboards;
    }

    synchronized Map<String, StoredFolder> foldersByUid() {
        return folders;
    }

    synchronized long nextId() {
        return nextId++;
    }

    /** Whether the next read of this uid should be followed by someone else's save (and forgets it). */
    boolean takeEditAfterRead(String uid) {
        return editAfterRead.remove(uid);
    }

    /** Changes a stored dashboard as a user would in the UI (bumps the version). */
    public synchronized void editInUi(String uid, java.util.function.Consumer<ObjectNode> edit) {
        Stored s = dashboards.get(uid);
        edit.accept(s.model);
        s.version++;
        s.model.put("version", s.version);
        s.resourceVersion = nextResourceVersion();
    }

    /** Someone saves this dashboard in the UI right after dash reads it. */
    public void editRightAfterRead(String uid) {
        editAfterRead.add(uid);
    }

    public synchronized String seedFolder(String title, String parentUid) {
        String uid = "fld" + nextId;
        folders.put(uid, new StoredFolder(nextId++, uid, title, nestedFolders ? parentUid : null));
        return uid;
    }

    public synchronized List<String> folderTitles() {
        return folders.values().stream()
                .map(f -> f.title()
                        + (f.parentUid() == null
                                ? ""
                                : " in " + folders.get(f.parentUid()).title()))
                .toList();
    }

    public synchronized String folderUid(String title) {
        return folders.values().stream()
                .filter(f -> f.title().equals(title))
                .map(StoredFolder::uid)
                .findFirst()
                .orElse(null);
    }

    /** Grafana 13's /apis behaviour: namespaces, page sizes, expired tokens, read-only accounts. */
    public ApisControls apis() {
        return new ApisControls();
    }

    /** Knobs of the /apis half, for tests outside this package. */
    public final class ApisControls {
        public ApisControls cloudStack(String id) {
            apis.cloudStack = id;
            return this;
        }

        public ApisControls maxPage(int n) {
            apis.maxPage = n;
            return this;
        }

        public ApisControls expireNextContinue() {
            apis.expireNextContinue = true;
            return this;
        }

        public ApisControls readOnly() {
            apis.readOnly = true;
            return this;
        }
    }

    /** Requests received, in order. */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> all = new ArrayList<>();
        server.getAllServeEvents().forEach(e -> all.add(e.getRequest()));
        // WireMock lists the newest first and stamps whole milliseconds: reverse, so requests within one
        // millisecond keep the order they arrived in through the (stable) sort
        java.util.Collections.reverse(all);
        all.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return all;
    }

    /** Requests of this method whose path starts with {@code pathPrefix}, in order. */
    public List<LoggedRequest> requests(String method, String pathPrefix) {
        return requests().stream()
                .filter(r ->
                        r.getMethod().getName().equals(method) && r.getUrl().startsWith(pathPrefix))
                .toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The WireMock extension that plays Grafana. */
    private final class Behaviour implements ResponseDefinitionTransformerV2 {
        static final String NAME = "fake-grafana";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest r = event.getRequest();
            String method = r.getMethod().getName();
            String path = r.getUrl().replaceFirst("\\?.*$", "");
            if (path.startsWith("/apis")) {
                if (generation == Generation.GRAFANA_11) {
                    // Grafana 10/11 have no such route: the web app's 404
                    return ResponseDefinitionBuilder.responseDefinition()
                            .withStatus(404)
                            .withHeader("Content-Type", "text/html")
                            .withBody("<!doctype html><title>Grafana</title>")
                            .build();
                }
                if (expectedAuthorization != null && !expectedAuthorization.equals(r.getHeader("Authorization"))) {
                    return ApisBehaviour.status(401, "Unauthorized", "Unauthorized", null);
                }
                synchronized (FakeGrafana.this) {
                    return apis.handle(r, method, path);
                }
            }
            if (path.equals("/api/health")) {
                return json(
                        200,
                        Json.object()
                                .put("commit", "0123abc")
                                .put("database", "ok")
                                .put("version", version));
            }
            boolean anonymous = searchNeedsNoAuth && path.equals("/api/search");
            if (!anonymous
                    && expectedAuthorization != null
                    && !expectedAuthorization.equals(r.getHeader("Authorization"))) {
                return json(401, Json.object().put("message", "Invalid API key"));
            }
            synchronized (FakeGrafana.this) {
                if (readOnly && method.equals("POST")) {
                    return json(
                            403,
                            Json.object()
                                    .put(
                                            "message",
                                            "You'll need additional permissions to perform this action. Permissions needed: dashboards:create"));
                }
                if (method.equals("GET") && path.startsWith("/api/dashboards/uid/")) {
                    return getDashboard(
                            path.substring("/api/dashboards/uid/".length()), r.getHeader("X-Grafana-Org-Id"));
                }
                if (method.equals("POST") && path.equals("/api/dashboards/db")) {
                    ResponseDefinition saved = save(Json.parse(r.getBodyAsString(), "request"));
                    if (loseNextSaveAnswer && saved.getStatus() == 200) {
                        loseNextSaveAnswer = false;
                        return ResponseDefinitionBuilder.responseDefinition()
                                .withFault(Fault.CONNECTION_RESET_BY_PEER)
                                .build();
                    }
                    return saved;
                }
                if (method.equals("GET") && path.equals("/api/folders")) {
                    return listFolders(param(r, "parentUid"), intParam(r, "limit", 1000), intParam(r, "page", 1));
                }
                if (method.equals("POST") && path.equals("/api/folders")) {
                    return createFolder(Json.parse(r.getBodyAsString(), "request"));
                }
                if (method.equals("GET") && path.equals("/api/search")) {
                    return search(r);
                }
            }
            return json(404, Json.object().put("message", "Not found"));
        }

        private ResponseDefinition getDashboard(String uid, String org) {
            Stored s = dashboards.get(uid);
            if (s == null) {
                return json(404, Json.object().put("message", "Dashboard not found"));
            }
            if (s.storedVersion.startsWith("v2")) {
                // pkg/api/dashboard.go GetDashboard, Grafana 12+
                return json(
                        406,
                        Json.object()
                                .put(
                                        "message",
                                        "dashboard api version not supported, use /apis/dashboard.grafana.app/"
                                                + s.storedVersion + "/namespaces/" + apis.namespaceFor(org)
                                                + "/dashboards/" + uid + " instead"));
            }
            ObjectNode body = Json.object();
            body.set("dashboard", s.model.deepCopy());
            ObjectNode meta = body.putObject("meta");
            meta.put("url", "/d/" + uid + "/" + slug(s.model.path("title").asText()));
            meta.put("folderUid", s.folderUid);
            StoredFolder f = folders.get(s.folderUid);
            meta.put("folderTitle", f == null ? "General" : f.title());
            meta.put("provisioned", s.provisioned);
            meta.put("provisionedExternalId", s.provisionedFile);
            meta.put("version", s.version);
            if (editAfterRead.remove(uid)) {
                s.version++;
                s.model.put("version", s.version);
                s.resourceVersion = nextResourceVersion();
            }
            return json(200, body);
        }

        private ResponseDefinition save(JsonNode body) {
            ObjectNode model = (ObjectNode) body.get("dashboard").deepCopy();
            String folderUid = body.path("folderUid").asText("");
            boolean overwrite = body.path("overwrite").asBoolean(false);
            if (!folderUid.isEmpty() && !folders.containsKey(folderUid)) {
                return json(404, Json.object().put("message", "Folder not found"));
            }
            String uid = model.path("uid").asText("");
            long id = model.path("id").asLong(0);
            Stored existing = dashboards.get(uid);
            if (existing != null && existing.provisioned) {
                return json(400, Json.object().put("message", "Cannot save provisioned dashboard"));
            }
            if (existing != null && !existing.pluginId.isEmpty()) {
                return conflict("The dashboard belongs to plugin " + existing.pluginId + ".", "plugin-dashboard");
            }
            if (existing != null && !overwrite) {
                if (id == 0) {
                    return conflict("A dashboard with the same uid already exists", "name-exists");
                }
                if (model.path("version").asLong(-1) != existing.version) {
                    return conflict("The dashboard has been changed by someone else", "version-mismatch");
                }
            }
            String title = model.path("title").asText();
            for (Map.Entry<String, Stored> e : dashboards.entrySet()) {
                if (!e.getKey().equals(uid)
                        && e.getValue().folderUid.equals(folderUid)
                        && e.getValue().model.path("title").asText().equalsIgnoreCase(title)
                        && !overwrite) {
                    return conflict("A dashboard with the same name in the folder already exists", "name-exists");
                }
            }
            Stored s = existing != null ? existing : new Stored();
            if (existing == null) {
                s.id = nextId++;
                dashboards.put(uid, s);
            }
            s.version = existing == null ? 1 : existing.version + 1;
            s.resourceVersion = nextResourceVersion();
            s.storedVersion = "v1";
            s.v2spec = null;
            s.folderUid = folderUid;
            model.put("id", s.id);
            model.put("version", s.version);
            s.model = model;
            s.messages.add(body.path("message").asText(""));
            return json(
                    200,
                    Json.object()
                            .put("id", s.id)
                            .put("uid", uid)
                            .put("url", "/d/" + uid + "/" + slug(title))
                            .put("status", "success")
                            .put("version", s.version)
                            .put("slug", slug(title)));
        }

        private ResponseDefinition listFolders(String parentUid, int limit, int page) {
            String parent = nestedFolders ? parentUid : null;
            List<StoredFolder> children = folders.values().stream()
                    .filter(f -> parent == null ? f.parentUid() == null : parent.equals(f.parentUid()))
                    .sorted(Comparator.comparing(StoredFolder::title))
                    .toList();
            ArrayNode out = Json.array();
            children.stream().skip((long) (page - 1) * limit).limit(limit).forEach(f -> out.addObject()
                    .put("id", f.id())
                    .put("uid", f.uid())
                    .put("title", f.title()));
            return json(200, out);
        }

        private ResponseDefinition createFolder(JsonNode body) {
            String title = body.path("title").asText();
            String parentUid = nestedFolders && body.hasNonNull("parentUid")
                    ? body.get("parentUid").asText()
                    : null;
            if (parentUid != null && !folders.containsKey(parentUid)) {
                return json(404, Json.object().put("message", "parent folder not found"));
            }
            for (StoredFolder f : folders.values()) {
                if (f.title().equalsIgnoreCase(title) && java.util.Objects.equals(f.parentUid(), parentUid)) {
                    return json(
                            409,
                            Json.object()
                                    .put(
                                            "message",
                                            "a folder with the same name already exists in the current location"));
                }
            }
            String uid = "fld" + nextId;
            StoredFolder f = new StoredFolder(nextId++, uid, title, parentUid);
            folders.put(uid, f);
            ObjectNode out = Json.object()
                    .put("id", f.id())
                    .put("uid", uid)
                    .put("title", title)
                    .put("url", "/dashboards/f/" + uid + "/" + slug(title))
                    .put("version", 1);
            if (parentUid != null) {
                out.put("parentUid", parentUid);
                out.putArray("parents")
                        .addObject()
                        .put("uid", parentUid)
                        .put("title", folders.get(parentUid).title());
            }
            return json(200, out);
        }

        private ResponseDefinition search(LoggedRequest r) {
            List<String> uids = searchIgnoresUidFilter ? List.of() : values(r, "dashboardUIDs");
            List<String> folderUids = values(r, "folderUIDs");
            List<String> tags = values(r, "tag");
            int limit = intParam(r, "limit", 1000);
            int page = intParam(r, "page", 1);
            List<Map.Entry<String, Stored>> hits = dashboards.entrySet().stream()
                    .filter(e -> uids.isEmpty() || uids.contains(e.getKey()))
                    .filter(e -> folderUids.isEmpty() || folderUids.contains(e.getValue().folderUid))
                    .filter(e -> tags.stream().allMatch(t -> hasTag(e.getValue().model, t)))
                    .sorted(Comparator.comparing(
                            e -> e.getValue().model.path("title").asText().toLowerCase(Locale.ROOT)))
                    .toList();
            ArrayNode out = Json.array();
            hits.stream().skip((long) (page - 1) * limit).limit(limit).forEach(e -> {
                ObjectNode h = out.addObject();
                Stored s = e.getValue();
                h.put("id", s.id)
                        .put("uid", e.getKey())
                        .put("title", s.model.path("title").asText())
                        .put("type", "dash-db")
                        .put("url", "/d/" + e.getKey());
                h.set("tags", s.model.has("tags") ? s.model.get("tags").deepCopy() : Json.array());
                if (!s.folderUid.isEmpty()) {
                    h.put("folderUid", s.folderUid)
                            .put("folderTitle", folders.get(s.folderUid).title());
                }
            });
            return json(200, out);
        }

        private ResponseDefinition conflict(String message, String status) {
            return json(conflictStatus, Json.object().put("message", message).put("status", status));
        }
    }

    private static boolean hasTag(JsonNode model, String tag) {
        for (JsonNode t : model.path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    private static String param(LoggedRequest r, String name) {
        QueryParameter q = r.queryParameter(name);
        return q != null && q.isPresent() ? q.firstValue() : null;
    }

    private static List<String> values(LoggedRequest r, String name) {
        QueryParameter q = r.queryParameter(name);
        return q != null && q.isPresent() ? q.values() : List.of();
    }

    private static int intParam(LoggedRequest r, String name, int dflt) {
        String v = param(r, name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    static ResponseDefinition json(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString())
                .build();
    }
}
