package io.vertice.dash.grafana;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertice.dash.json.Json;
import io.vertice.dash.v2.DashboardConversion;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana 13's {@code /apis} for {@link FakeGrafana}, over the fake's store, following
 * {@code ../shared/grafana-v2/API.md}: discovery ({@code APIGroupList}), namespaces from the organisation
 * ({@code default}, {@code org-<id>}) or a Cloud stack, dashboards in v0alpha1/v1beta1/v1 (classic spec)
 * and v2alpha1/v2beta1/v2 (v2 spec) with conversion on read reported in {@code status.conversion}
 * (failed conversions answer with metadata, status and an empty spec), {@code resourceVersion} checked on
 * PUT (409 {@code Conflict}), 409 {@code AlreadyExists} on a duplicate create, {@code grafana.app/folder}
 * and {@code grafana.app/message} annotations, list pages by {@code limit}/{@code continue} (410 when a
 * token expired), folders, and errors as Kubernetes {@code Status} bodies. Called under the fake's lock.
 *
 * <p>The fake cannot run Grafana's converter: the classic form of a v2-stored dashboard and the v2 form
 * of a classic one are what the test stored (Grafana's own fixture outputs, {@link FakeGrafana#seedV2Dashboard})
 * or, when it stored none, dash's {@link DashboardConversion}, which follows Grafana's rules and fixtures.
 * {@link FakeGrafana.Stored#conversionError} makes a conversion fail as Grafana reports a failure.
 */
final class ApisBehaviour {
    static final List<String> DASHBOARD_VERSIONS = List.of("v0alpha1", "v1beta1", "v1", "v2alpha1", "v2beta1", "v2");
    static final List<String> FOLDER_VERSIONS = List.of("v1beta1", "v1");
    private static final Pattern PATH = Pattern.compile(
            "/apis/(dashboard|folder)\\.grafana\\.app/([a-z0-9]+)/namespaces/([^/]+)/(dashboards|folders)(?:/([^/]+))?");

    private final FakeGrafana fake;
    /** Grafana Cloud's stack id; null for OSS (namespaces from the organisation). */
    volatile String cloudStack;
    /** Items per list page at most, whatever the client asks (the server may return fewer than limit). */
    volatile int maxPage = Integer.MAX_VALUE;
    /** The next continue token given is expired (410) when used. */
    volatile boolean expireNextContinue;
    /** Dashboard creates and updates are refused with 403 (a Viewer account). */
    volatile boolean readOnly;

    ApisBehaviour(FakeGrafana fake) {
        this.fake = fake;
    }

    /** The namespace for requests with this X-Grafana-Org-Id (null: the default org). */
    String namespaceFor(String orgHeader) {
        if (cloudStack != null) {
            return "stacks-" + cloudStack;
        }
        return orgHeader == null || orgHeader.equals("1") ? "default" : "org-" + orgHeader;
    }

    ResponseDefinition handle(LoggedRequest r, String method, String path) {
        if (path.equals("/apis") || path.equals("/apis/")) {
            return FakeGrafana.json(200, discovery());
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            return status(404, "NotFound", "the server could not find the requested resource", null);
        }
        String group = m.group(1);
        String version = m.group(2);
        String ns = m.group(3);
        String name = m.group(5);
        if (!(group.equals("dashboard") ? DASHBOARD_VERSIONS : FOLDER_VERSIONS).contains(version)) {
            return status(404, "NotFound", "the server could not find the requested resource", null);
        }
        String expected = namespaceFor(r.getHeader("X-Grafana-Org-Id"));
        if (!ns.equals(expected)) {
            return status(
                    403,
                    "Forbidden",
                    m.group(4) + "." + group + ".grafana.app is forbidden: namespace " + ns
                            + " does not match the requester's namespace " + expected,
                    name);
        }
        JsonNode body = method.equals("GET") ? null : Json.parse(r.getBodyAsString(), "request");
        if (group.equals("folder")) {
            return folders(method, version, ns, name, body, r);
        }
        return switch (method) {
            case "GET" -> name == null ? listDashboards(version, ns, r) : getDashboard(version, ns, name);
            case "POST" -> createDashboard(version, ns, body);
            case "PUT" -> updateDashboard(version, ns, name, body);
            default -> status(405, "MethodNotAllowed", "method not allowed", name);
        };
    }

    private static ObjectNode discovery() {
        ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        group(groups.addObject(), "dashboard.grafana.app", DASHBOARD_VERSIONS, "v1");
        group(groups.addObject(), "folder.grafana.app", FOLDER_VERSIONS, "v1");
        group(groups.addObject(), "playlist.grafana.app", List.of("v0alpha1"), "v0alpha1");
        return list;
    }

    private static void group(ObjectNode g, String name, List<String> versions, String preferred) {
        g.put("name", name);
        ArrayNode vs = g.putArray("versions");
        versions.forEach(v -> vs.addObject().put("groupVersion", name + "/" + v).put("version", v));
        g.putObject("preferredVersion")
                .put("groupVersion", name + "/" + preferred)
                .put("version", preferred);
    }

    // ---- dashboards ----

    private ResponseDefinition getDashboard(String version, String ns, String name) {
        FakeGrafana.Stored s = fake.dashboards().get(name);
        if (s == null) {
            return status(404, "NotFound", "dashboards.dashboard.grafana.app \"" + name + "\" not found", name);
        }
        ObjectNode out = object(name, s, version, ns);
        if (fake.takeEditAfterRead(name)) {
            s.version++;
            s.model.put("version", s.version);
            s.resourceVersion = fake.nextResourceVersion();
        }
        return FakeGrafana.json(200, out);
    }

    /** The dashboard as read through {@code version}: converted when stored in the other schema. */
    private ObjectNode object(String name, FakeGrafana.Stored s, String version, String ns) {
        ObjectNode o = Json.object();
        o.put("apiVersion", "dashboard.grafana.app/" + version);
        o.put("kind", "Dashboard");
        ObjectNode meta = o.putObject("metadata");
        meta.put("name", name)
                .put("namespace", ns)
                .put("uid", "k8s-" + s.id)
                .put("resourceVersion", Long.toString(s.resourceVersion))
                .put("generation", s.version)
                .put("creationTimestamp", "2026-11-01T10:00:00Z");
        meta.putObject("labels").put("grafana.app/deprecatedInternalID", Long.toString(s.id));
        ObjectNode annotations = s.annotations.deepCopy();
        if (!s.folderUid.isEmpty()) {
            annotations.put("grafana.app/folder", s.folderUid);
        }
        annotations
                .put("grafana.app/updatedBy", "service-account:fake")
                .put("grafana.app/updatedTimestamp", "2026-11-01T10:00:00Z");
        meta.set("annotations", annotations);
        boolean wantsV2 = version.startsWith("v2");
        boolean storedV2 = s.storedVersion.startsWith("v2");
        ObjectNode spec;
        if (!s.storedVersion.equals(version) && s.conversionError != null) {
            spec = null;
        } else if (wantsV2 == storedV2) {
            spec = wantsV2 ? s.v2spec.deepCopy() : classicSpec(s.model);
        } else if (wantsV2) {
            // the v2 form the test gave, else dash's conversion standing in for Grafana's
            spec = s.v2spec != null ? s.v2spec.deepCopy() : DashboardConversion.toV2(classicSpec(s.model));
        } else {
            spec = classicSpec(s.model);
        }
        if (!s.storedVersion.equals(version)) {
            ObjectNode conv = o.putObject("status").putObject("conversion");
            conv.put("failed", spec == null).put("storedVersion", s.storedVersion);
            if (spec == null) {
                conv.put(
                        "error",
                        s.conversionError != null ? s.conversionError : "no " + version + " form for this dashboard");
            }
        }
        // a failed conversion still answers with the metadata and a default (empty) spec
        o.set("spec", spec == null ? Json.object() : spec);
        return o;
    }

    private static ObjectNode classicSpec(ObjectNode model) {
        ObjectNode spec = model.deepCopy();
        spec.remove(List.of("id", "uid", "version"));
        return spec;
    }

    private ResponseDefinition listDashboards(String version, String ns, LoggedRequest r) {
        List<String> names = new ArrayList<>(fake.dashboards().keySet());
        names.sort(Comparator.naturalOrder());
        return page(
                names,
                r,
                name -> object(name, fake.dashboards().get(name), version, ns),
                "DashboardList",
                "dashboard.grafana.app/" + version);
    }

    private ResponseDefinition createDashboard(String version, String ns, JsonNode body) {
        String name = body.path("metadata").path("name").asText("");
        if (readOnly) {
            return status(
                    403,
                    "Forbidden",
                    "dashboards.dashboard.grafana.app is forbidden: User \"service-account:fake\" cannot create",
                    name);
        }
        if (fake.dashboards().containsKey(name)) {
            return status(
                    409, "AlreadyExists", "dashboards.dashboard.grafana.app \"" + name + "\" already exists", name);
        }
        ResponseDefinition invalid = checkWrite(version, body, name);
        if (invalid != null) {
            return invalid;
        }
        FakeGrafana.Stored s = new FakeGrafana.Stored();
        s.id = fake.nextId();
        s.version = 1;
        apply(s, version, name, body);
        fake.dashboards().put(name, s);
        return FakeGrafana.json(201, object(name, s, version, ns));
    }

    private ResponseDefinition updateDashboard(String version, String ns, String name, JsonNode body) {
        FakeGrafana.Stored s = fake.dashboards().get(name);
        if (s == null) {
            return status(404, "NotFound", "dashboards.dashboard.grafana.app \"" + name + "\" not found", name);
        }
        if (readOnly) {
            return status(
                    403,
                    "Forbidden",
                    "dashboards.dashboard.grafana.app \"" + name
                            + "\" is forbidden: User \"service-account:fake\" cannot update",
                    name);
        }
        String rv = body.path("metadata").path("resourceVersion").asText("");
        if (!rv.isEmpty() && !rv.equals(Long.toString(s.resourceVersion))) {
            return status(
                    409,
                    "Conflict",
                    "Operation cannot be fulfilled on dashboards.dashboard.grafana.app \"" + name
                            + "\": the object has been modified; please apply your changes to the latest version and try again",
                    name);
        }
        if ("repo".equals(s.annotations.path("grafana.app/managedBy").asText())) {
            return status(
                    403,
                    "Forbidden",
                    "Provisioned resources must be manaaged by the provisioning service account",
                    name);
        }
        ResponseDefinition invalid = checkWrite(version, body, name);
        if (invalid != null) {
            return invalid;
        }
        boolean sameSpec = version.startsWith("v2") == s.storedVersion.startsWith("v2")
                && (version.startsWith("v2")
                        ? s.v2spec.equals(body.path("spec"))
                        : classicSpec(s.model).equals(body.path("spec")));
        if (!sameSpec) {
            s.version++;
        }
        apply(s, version, name, body);
        return FakeGrafana.json(200, object(name, s, version, ns));
    }

    /** A folder annotation naming no folder is refused, as is a v2 spec sent through a classic version and the reverse. */
    private ResponseDefinition checkWrite(String version, JsonNode body, String name) {
        String folder = body.path("metadata")
                .path("annotations")
                .path("grafana.app/folder")
                .asText("");
        if (!folder.isEmpty() && !fake.foldersByUid().containsKey(folder)) {
            return status(400, "BadRequest", "folder \"" + folder + "\" not found", name);
        }
        boolean v2Spec = body.path("spec").has("elements") || body.path("spec").has("layout");
        if (v2Spec != version.startsWith("v2")) {
            return status(400, "BadRequest", "spec does not match dashboard.grafana.app/" + version, name);
        }
        return null;
    }

    /** Stores what a create or replace sent: spec, annotations (replaced, as a PUT replaces), a new resourceVersion. */
    private void apply(FakeGrafana.Stored s, String version, String name, JsonNode body) {
        JsonNode annotations = body.path("metadata").path("annotations");
        s.annotations = annotations.isObject() ? (ObjectNode) annotations.deepCopy() : Json.object();
        s.folderUid = s.annotations.path("grafana.app/folder").asText("");
        s.annotations.remove(List.of("grafana.app/folder", "grafana.app/updatedBy", "grafana.app/updatedTimestamp"));
        s.messages.add(s.annotations.path("grafana.app/message").asText(""));
        s.annotations.remove("grafana.app/message");
        s.storedVersion = version.startsWith("v2") ? version : "v1";
        if (version.startsWith("v2")) {
            s.v2spec = (ObjectNode) body.get("spec").deepCopy();
            // what v1 reads and the legacy search see: dash's conversion standing in for Grafana's
            s.model = DashboardConversion.toClassic(s.v2spec);
            s.model.put("uid", name).put("id", s.id).put("version", s.version);
        } else {
            s.model = (ObjectNode) body.get("spec").deepCopy();
            s.model.put("uid", name).put("id", s.id).put("version", s.version);
            s.v2spec = null;
        }
        s.conversionError = null;
        s.resourceVersion = fake.nextResourceVersion();
    }

    // ---- folders ----

    private ResponseDefinition folders(
            String method, String version, String ns, String name, JsonNode body, LoggedRequest r) {
        Map<String, FakeGrafana.StoredFolder> folders = fake.foldersByUid();
        if (method.equals("GET") && name == null) {
            List<String> uids = new ArrayList<>(folders.keySet());
            uids.sort(Comparator.naturalOrder());
            return page(
                    uids,
                    r,
                    uid -> folder(folders.get(uid), version, ns),
                    "FolderList",
                    "folder.grafana.app/" + version);
        }
        if (method.equals("GET")) {
            FakeGrafana.StoredFolder f = folders.get(name);
            return f == null
                    ? status(404, "NotFound", "folders.folder.grafana.app \"" + name + "\" not found", name)
                    : FakeGrafana.json(200, folder(f, version, ns));
        }
        if (method.equals("POST")) {
            String uid = body.path("metadata").path("name").asText("");
            String title = body.path("spec").path("title").asText("");
            String parent = body.path("metadata")
                    .path("annotations")
                    .path("grafana.app/folder")
                    .asText("");
            if (folders.containsKey(uid)) {
                return status(409, "AlreadyExists", "folders.folder.grafana.app \"" + uid + "\" already exists", uid);
            }
            if (!parent.isEmpty() && !folders.containsKey(parent)) {
                return status(400, "BadRequest", "parent folder \"" + parent + "\" not found", uid);
            }
            FakeGrafana.StoredFolder f =
                    new FakeGrafana.StoredFolder(fake.nextId(), uid, title, parent.isEmpty() ? null : parent);
            folders.put(uid, f);
            return FakeGrafana.json(201, folder(f, version, ns));
        }
        return status(405, "MethodNotAllowed", "method not allowed", name);
    }

    private static ObjectNode folder(FakeGrafana.StoredFolder f, String version, String ns) {
        ObjectNode o =
                Json.object().put("apiVersion", "folder.grafana.app/" + version).put("kind", "Folder");
        ObjectNode meta = o.putObject("metadata")
                .put("name", f.uid())
                .put("namespace", ns)
                .put("resourceVersion", Long.toString(f.id()));
        if (f.parentUid() != null) {
            meta.putObject("annotations").put("grafana.app/folder", f.parentUid());
        }
        o.putObject("spec").put("title", f.title());
        return o;
    }

    // ---- lists and errors ----

    private ResponseDefinition page(
            List<String> names,
            LoggedRequest r,
            java.util.function.Function<String, ObjectNode> item,
            String kind,
            String apiVersion) {
        int limit = Math.min(intParam(r, "limit", 500), maxPage);
        int from = 0;
        String token = param(r, "continue");
        if (token != null) {
            String decoded = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            if (decoded.startsWith("expired:")) {
                return status(
                        410,
                        "Expired",
                        "The provided continue parameter is too old to display a consistent list result.",
                        null);
            }
            from = Integer.parseInt(decoded.substring("from:".length()));
        }
        ObjectNode list = Json.object().put("kind", kind).put("apiVersion", apiVersion);
        ObjectNode meta = list.putObject("metadata").put("resourceVersion", Long.toString(fake.nextResourceVersion()));
        ArrayNode items = list.putArray("items");
        names.stream().skip(from).limit(limit).forEach(n -> items.add(item.apply(n)));
        if (from + limit < names.size()) {
            String next = (expireNextContinue ? "expired:" : "from:") + (from + limit);
            expireNextContinue = false;
            meta.put("continue", Base64.getUrlEncoder().encodeToString(next.getBytes(UTF_8)));
        }
        return FakeGrafana.json(200, list);
    }

    /** A Kubernetes {@code Status} error body. */
    static ResponseDefinition status(int code, String reason, String message, String name) {
        ObjectNode st = Json.object().put("kind", "Status").put("apiVersion", "v1");
        st.putObject("metadata");
        st.put("status", "Failure").put("message", message).put("reason", reason);
        if (name != null) {
            st.putObject("details").put("name", name);
        }
        st.put("code", code);
        return FakeGrafana.json(code, st);
    }

    private static String param(LoggedRequest r, String name) {
        QueryParameter q = r.queryParameter(name);
        return q != null && q.isPresent() ? q.firstValue() : null;
    }

    private static int intParam(LoggedRequest r, String name, int dflt) {
        String v = param(r, name);
        return v == null ? dflt : Integer.parseInt(v);
    }
}
