package io.vertice.dash.grafana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.http.HttpAnswer;
import io.vertice.dash.http.HttpClients;
import io.vertice.dash.http.RetryPolicy;
import io.vertice.dash.http.RetryingClient;
import io.vertice.dash.http.Unreachable;
import io.vertice.dash.json.Json;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.ConnectionPool;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Grafana's HTTP API, the parts dash needs: health, dashboards by uid, folders, search.
 *
 * <p>Every request carries {@code User-Agent: dash/<version>}, the credentials ({@code Authorization:
 * Bearer} for a service account token, else basic auth) and {@code X-Grafana-Org-Id} when set; is
 * retried per {@link RetryPolicy}; and failures become {@link DashException}s whose message is one
 * sentence a user can act on. Thread-safe: one client serves all parallel workers. Credentials live
 * only in the request headers, which are never logged.
 */
public final class GrafanaClient implements AutoCloseable {
    /**
     * The oldest Grafana dash works with: 9.1 made service account tokens generally available and
     * added the {@code dashboardUIDs} search filter that {@code dash pull --uid} relies on.
     */
    public static final String MIN_VERSION = "9.1";

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)");

    private final GrafanaSettings settings;
    private final RetryingClient http;
    private final Consumer<String> log;
    /** Set by the first 401: the credentials fail every request alike, so no further request is sent. */
    private volatile GrafanaApiException refused;

    /**
     * @param log receives one line per request and retry when the user asked for detail (--verbose);
     *            never receives credentials
     */
    public GrafanaClient(GrafanaSettings settings, Consumer<String> log) {
        settings.checkTransportSafety();
        this.settings = settings;
        this.log = log;
        this.http = new RetryingClient(buildHttp(settings), settings.retry(), log);
    }

    public GrafanaSettings settings() {
        return settings;
    }

    /**
     * Checks that the URL is a healthy Grafana that is new enough; one sentence (exit 3) otherwise.
     */
    public Health health() {
        HttpAnswer a = call("checking Grafana's health", get(url("api/health")));
        JsonNode body = a.json();
        if (body == null || !body.isObject() || !body.has("database")) {
            throw DashException.remote(
                    settings.url() + " does not look like Grafana: GET /api/health answered "
                            + a.code() + (a.contentType() == null ? "" : " " + a.contentType())
                            + " without Grafana's health document; check GRAFANA_URL (Grafana's root URL, including any sub-path).");
        }
        Health h = new Health(textOrNull(body, "version"), body.path("database").asText());
        if (!"ok".equals(h.database())) {
            throw DashException.remote("Grafana at " + settings.url() + " reports its database as '" + h.database()
                    + "' (HTTP " + a.code() + "); fix Grafana's database and try again.");
        }
        if (h.version() != null && !atLeast(h.version(), MIN_VERSION)) {
            throw DashException.remote(
                    "Grafana " + h.version() + " at " + settings.url() + " is too old; dash needs " + MIN_VERSION
                            + " or newer (service account tokens, the dashboardUIDs search filter); upgrade Grafana.");
        }
        if (h.version() == null) {
            log.accept("Grafana hides its version; assuming it is " + MIN_VERSION + " or newer");
        }
        return h;
    }

    /**
     * Grafana's API groups ({@code GET /apis}, a Kubernetes {@code APIGroupList}), or null when it serves none:
     * Grafana 10–11 answer 404, or their web app's HTML, which is not an API group list.
     */
    JsonNode discovery() {
        HttpAnswer a = call("discovering Grafana's APIs", get(url("apis")));
        JsonNode json = a.json();
        if (a.code() / 100 == 2 && json != null && json.has("groups")) {
            return json;
        }
        if (a.code() == 401) {
            requireOk(a, "discovering Grafana's APIs", true);
        }
        log.accept("GET /apis answered " + a.code() + " without an API group list");
        return null;
    }

    /**
     * The dashboard with this uid through the legacy API, or empty when Grafana has none (404). Grafana 12+
     * answers 406 for a dashboard stored as v2; that is a {@link StoredAsV2} naming where /apis has it.
     */
    public Optional<LiveDashboard> dashboard(String uid) {
        String what = "reading dashboard " + uid;
        HttpAnswer a = call(
                what,
                get(url("api/dashboards/uid").newBuilder().addPathSegment(uid).build()));
        if (a.code() == 404) {
            return Optional.empty();
        }
        if (a.code() == 406) {
            JsonNode json = a.json();
            StoredAsV2 moved = StoredAsV2.parse(uid, json == null ? null : textOrNull(json, "message"));
            if (moved != null) {
                throw moved;
            }
        }
        JsonNode body = requireOk(a, what, true);
        JsonNode dash = body.get("dashboard");
        if (dash == null || !dash.isObject()) {
            throw DashException.remote("Grafana's answer for dashboard " + uid + " has no dashboard model; is "
                    + settings.url() + " Grafana?");
        }
        JsonNode meta = body.path("meta");
        // meta.provisioned is true only when Grafana refuses API saves (the provider does not allow UI updates)
        Manager manager = meta.path("provisioned").asBoolean(false)
                ? new Manager(
                        Manager.FILE_PROVISIONING,
                        meta.path("provisionedExternalId").asText(""))
                : null;
        return Optional.of(new LiveDashboard(
                uid,
                (ObjectNode) dash,
                dash.path("id").asLong(0),
                dash.path("version").asLong(0),
                meta.path("folderUid").asText(""),
                meta.path("folderTitle").asText(""),
                meta.path("url").asText(""),
                manager,
                null));
    }

    /**
     * Creates or updates a dashboard ({@code POST /api/dashboards/db}).
     *
     * @param dashboard the model; {@code id} and {@code version} decide create versus update as in Grafana
     * @param folderUid the folder to save into; null for the root
     * @param overwrite replace regardless of version or a same-named dashboard
     * @param message   the version history note
     */
    public SaveResult save(ObjectNode dashboard, String folderUid, boolean overwrite, String message) {
        ObjectNode payload = Json.object();
        payload.set("dashboard", dashboard);
        if (folderUid != null && !folderUid.isEmpty()) {
            payload.put("folderUid", folderUid);
        }
        payload.put("overwrite", overwrite);
        payload.put("message", message);
        String uid = dashboard.path("uid").asText("");
        String what =
                "saving dashboard " + (uid.isEmpty() ? dashboard.path("title").asText() : uid);
        HttpAnswer a = call(what, post(url("api/dashboards/db"), payload));
        JsonNode body = requireOk(a, what, false);
        return new SaveResult(
                body.path("uid").asText(uid),
                body.path("version").asLong(0),
                body.path("url").asText(""));
    }

    /**
     * Immediate subfolders of {@code parentUid} (the root when null), all pages.
     * A server without nested folders ignores {@code parentUid} and lists the root.
     */
    public List<Folder> folders(String parentUid) {
        List<Folder> out = new ArrayList<>();
        int limit = 1000;
        for (int page = 1; ; page++) {
            HttpUrl.Builder u = url("api/folders")
                    .newBuilder()
                    .addQueryParameter("limit", Integer.toString(limit))
                    .addQueryParameter("page", Integer.toString(page));
            if (parentUid != null) {
                u.addQueryParameter("parentUid", parentUid);
            }
            String what = "listing folders" + (parentUid == null ? "" : " under " + parentUid);
            JsonNode body = requireOk(call(what, get(u.build())), what, true);
            for (JsonNode f : body) {
                out.add(new Folder(f.path("uid").asText(), f.path("title").asText(), textOrNull(f, "parentUid")));
            }
            if (body.size() < limit) {
                return out;
            }
        }
    }

    /**
     * Creates a folder ({@code POST /api/folders}); a {@link GrafanaApiException} with status 409 when
     * one with that title already exists there.
     */
    public Folder createFolder(String title, String parentUid) {
        ObjectNode payload = Json.object();
        payload.put("title", title);
        if (parentUid != null) {
            payload.put("parentUid", parentUid);
        }
        String what = "creating folder \"" + title + "\"";
        JsonNode body = requireOk(call(what, post(url("api/folders"), payload)), what, false);
        return new Folder(body.path("uid").asText(), body.path("title").asText(title), textOrNull(body, "parentUid"));
    }

    /** Dashboards matching the query, following {@code page}/{@code limit} until a short page. */
    public List<SearchHit> search(SearchQuery query, int pageSize) {
        List<SearchHit> out = new ArrayList<>();
        for (int page = 1; ; page++) {
            HttpUrl.Builder u = url("api/search")
                    .newBuilder()
                    .addQueryParameter("type", "dash-db")
                    .addQueryParameter("limit", Integer.toString(pageSize))
                    .addQueryParameter("page", Integer.toString(page));
            query.uids().forEach(v -> u.addQueryParameter("dashboardUIDs", v));
            query.folderUids().forEach(v -> u.addQueryParameter("folderUIDs", v));
            query.tags().forEach(v -> u.addQueryParameter("tag", v));
            JsonNode body = requireOk(call("searching dashboards", get(u.build())), "searching dashboards", true);
            for (JsonNode h : body) {
                List<String> tags = new ArrayList<>();
                h.path("tags").forEach(t -> tags.add(t.asText()));
                out.add(new SearchHit(
                        h.path("uid").asText(),
                        h.path("title").asText(),
                        h.path("folderUid").asText(""),
                        h.path("folderTitle").asText(""),
                        List.copyOf(tags)));
            }
            if (body.size() < pageSize) {
                return out;
            }
        }
    }

    /**
     * One JSON call of Grafana's {@code /apis} (or any path under the root URL): the body of a 2xx answer,
     * null for a 404 when {@code absentIsNull}, else the sentence for the failure. Kubernetes {@code Status}
     * error bodies are read by {@code reason} and {@code message}.
     *
     * @param path   path segments under Grafana's root URL, e.g. {@code apis/dashboard.grafana.app/v1/...}
     * @param query  query parameters in pairs (name, value; a null value is left out)
     */
    JsonNode json(String what, String method, String path, JsonNode body, boolean absentIsNull, String... query) {
        HttpUrl.Builder u = url(path).newBuilder();
        for (int i = 0; i + 1 < query.length; i += 2) {
            if (query[i + 1] != null) {
                u.addQueryParameter(query[i], query[i + 1]);
            }
        }
        Request.Builder r = new Request.Builder().url(u.build()).header("Accept", "application/json");
        if (body == null) {
            r.method(method, null);
        } else {
            try {
                r.method(method, RequestBody.create(Json.MAPPER.writeValueAsString(body), JSON));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        HttpAnswer a = call(what, r.build());
        if (absentIsNull && a.code() == 404) {
            return null;
        }
        return requireOk(a, what, method.equals("GET"));
    }

    @Override
    public void close() {
        http.close();
    }

    /** Whether {@code version} (e.g. {@code 11.2.0-pre}) is at least {@code minimum} (major.minor). */
    static boolean atLeast(String version, String minimum) {
        Matcher v = VERSION.matcher(version.trim());
        Matcher m = VERSION.matcher(minimum);
        if (!v.find() || !m.find()) {
            return true; // unknown scheme: let the API calls decide
        }
        int major = Integer.parseInt(v.group(1));
        int minMajor = Integer.parseInt(m.group(1));
        return major != minMajor ? major > minMajor : Integer.parseInt(v.group(2)) >= Integer.parseInt(m.group(2));
    }

    // ---- HTTP plumbing ----

    private HttpUrl url(String path) {
        return settings.url().newBuilder().addPathSegments(path).build();
    }

    private static Request get(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .get()
                .header("Accept", "application/json")
                .build();
    }

    private static Request post(HttpUrl url, JsonNode body) {
        try {
            return new Request.Builder()
                    .url(url)
                    .header("Accept", "application/json")
                    .post(RequestBody.create(Json.MAPPER.writeValueAsString(body), JSON))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends with retries; returns the final answer (any status) or throws when Grafana cannot be reached. */
    private HttpAnswer call(String what, Request request) {
        GrafanaApiException earlier = refused;
        if (earlier != null) {
            throw earlier;
        }
        try {
            return http.send(request, what);
        } catch (Unreachable e) {
            throw unreachable(what, e.failure(), e.attempts());
        }
    }

    private DashException unreachable(String what, IOException e, int attempts) {
        String where = "Grafana at " + settings.url();
        String tries = attempts > 1 ? " (tried " + attempts + " times)" : "";
        if (e instanceof SSLException) {
            return DashException.remote(
                    "the TLS connection to " + where + " failed while " + what + " (" + e.getMessage()
                            + "); pass --ca-cert FILE with the CA that signed Grafana's certificate, or --insecure-skip-tls-verify for a throw-away test setup.",
                    e);
        }
        if (e instanceof UnknownHostException) {
            return DashException.remote("cannot resolve the host of " + settings.url() + "; check GRAFANA_URL.", e);
        }
        if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
            return DashException.remote(
                    where + " did not answer in time while " + what + tries
                            + "; check that Grafana is healthy, or raise --timeout.",
                    e);
        }
        if (e instanceof ConnectException) {
            return DashException.remote(
                    "cannot connect to " + where + " while " + what + tries
                            + "; check GRAFANA_URL and that Grafana is running.",
                    e);
        }
        return DashException.remote(
                "the connection to " + where + " failed while " + what + tries + ": " + e.getMessage()
                        + "; check that Grafana (or a proxy in front of it) is healthy and try again.",
                e);
    }

    /** The JSON body of a 2xx answer; otherwise the sentence for this failure ({@code read}: the request only reads). */
    private JsonNode requireOk(HttpAnswer a, String what, boolean read) {
        JsonNode json = a.json();
        if (a.code() / 100 == 2) {
            if (json == null) {
                throw DashException.remote("Grafana answered " + what + " with " + a.code() + " but no JSON body; is "
                        + settings.url() + " Grafana, or a proxy in front of it?");
            }
            return json;
        }
        // the legacy API says {"status": "version-mismatch"}; /apis a Kubernetes Status {"status": "Failure", "reason":
        // "Conflict"}
        boolean k8sStatus = json != null && "Status".equals(json.path("kind").asText());
        String apiStatus = json == null ? null : textOrNull(json, k8sStatus ? "reason" : "status");
        String apiMessage = json == null ? null : textOrNull(json, "message");
        GrafanaApiException e = new GrafanaApiException(
                a.code(),
                apiStatus,
                apiMessage,
                GrafanaErrors.sentence(
                        what, read, settings, a.code(), a.reason(), apiStatus, apiMessage, a.attempts()));
        if (e.failsTheRun() && refused == null) {
            refused = e;
        }
        throw e;
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    /** dash's HTTP defaults ({@link HttpClients}) plus Grafana's credentials, organisation, CA and pool size. */
    private static OkHttpClient buildHttp(GrafanaSettings s) {
        String authorization = s.token() != null
                ? "Bearer " + s.token()
                : s.password() != null ? Credentials.basic(s.user(), s.password()) : null;
        OkHttpClient.Builder b = HttpClients.builder(s.retry())
                // synchronous calls from our own worker pool: the dispatcher limits only async calls
                .connectionPool(new ConnectionPool(Math.max(5, s.parallel()), 5, TimeUnit.MINUTES))
                .addInterceptor(chain -> {
                    Request.Builder req = chain.request().newBuilder();
                    if (authorization != null) {
                        req.header("Authorization", authorization);
                    }
                    if (s.orgId() != null) {
                        req.header("X-Grafana-Org-Id", Long.toString(s.orgId()));
                    }
                    return chain.proceed(req.build());
                });
        return HttpClients.trust(b, s.caCert(), s.insecureSkipTlsVerify()).build();
    }
}
