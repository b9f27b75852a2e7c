package io.vertice.dash.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.ExitCodes;
import io.vertice.dash.json.Json;
import io.vertice.dash.json.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads dashboards in every shape they come in, and is the one place that knows those shapes: classic
 * dashboard JSON, the legacy API's {@code {"dashboard": ..., "meta": ...}} answer, and Kubernetes-style
 * resources of {@code dashboard.grafana.app} ({@code v0alpha1}, {@code v1beta1}, {@code v1} hold a classic
 * spec; {@code v2alpha1}, {@code v2beta1}, {@code v2} a v2 spec), in JSON or YAML.
 *
 * <p>Reading is tolerant the way Grafana is (see {@link ClassicShape}); what Grafana could not load,
 * and input that is not a dashboard at all, is one sentence naming the file and, inside it, the JSON
 * path or the line and column ({@code DashException.input}, exit 2). Nothing here throws anything else.
 *
 * <pre>{@code
 * DashboardDocument d = DashboardReader.read(Path.of("esgt-deep-dive.json"));
 * ObjectNode classic = d.classic();
 * }</pre>
 */
public final class DashboardReader {
    /** The API group of Grafana's dashboard resources. */
    public static final String GROUP = "dashboard.grafana.app";

    private static final List<String> CLASSIC_VERSIONS = List.of("v0alpha1", "v1beta1", "v1");
    private static final List<String> V2_VERSIONS = List.of("v2alpha1", "v2beta1", "v2");

    private DashboardReader() {}

    /** One file, JSON or (named {@code .yaml}/{@code .yml}) YAML. */
    public static DashboardDocument read(Path file) {
        return of(tree(file), file.toString());
    }

    /**
     * Files, and every dashboard file ({@code .json}, {@code .yaml}, {@code .yml}) under each directory,
     * recursively, in path order. A named file must be a dashboard; a file found in a directory that is
     * valid JSON or YAML but no dashboard (a package.json, a provisioning file) is skipped and told to
     * {@code skipped}; a directory without any dashboard is an input error.
     */
    public static List<DashboardDocument> readAll(List<Path> paths, Consumer<String> skipped) {
        List<DashboardDocument> out = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                out.add(read(p));
                continue;
            }
            int before = out.size();
            for (Path f : dashboardFilesUnder(p)) {
                try {
                    out.add(read(f));
                } catch (NotADashboard e) {
                    skipped.accept("skipped " + f + ": " + e.reason());
                }
            }
            if (out.size() == before) {
                // a check that checked nothing must not pass: a wrong path in CI would look green
                throw DashException.input(p + " holds no dashboard file (*.json, *.yaml, *.yml that is a dashboard); "
                        + "check the path, or run with --verbose to see what was skipped.");
            }
        }
        return out;
    }

    /** Whether the name says JSON or YAML: the files {@link #readAll} looks at in a directory. */
    public static boolean isDashboardFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (name.endsWith(".json") || isYaml(file));
    }

    /** The parsed file, before any dashboard rule: JSON, or YAML by its name. */
    public static JsonNode tree(Path file) {
        String text = TextFiles.read(file);
        return isYaml(file) ? Json.parseYaml(text, file.toString()) : Json.parse(text, file.toString());
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<Path> dashboardFilesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> !hidden(dir, f) && Files.isRegularFile(f) && isDashboardFileName(f))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (UncheckedIOException e) {
            throw unlistable(dir, e.getCause());
        } catch (IOException e) {
            throw unlistable(dir, e);
        }
    }

    /** Inside a hidden directory ({@code .git}, an editor's backup folder) below the one named. */
    private static boolean hidden(Path root, Path f) {
        for (Path part : root.relativize(f)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static DashException unlistable(Path dir, IOException e) {
        String why = e instanceof AccessDeniedException
                ? "permission denied on " + e.getMessage()
                : String.valueOf(e.getMessage());
        return DashException.input(dir + " cannot be listed: " + why + ".", e);
    }

    /**
     * The one rule for what a JSON value holds: a resource when it has {@code apiVersion}; else the legacy
     * API's answer when it has a {@code dashboard} object and no {@code panels} or {@code rows} of its own;
     * else the dashboard itself (classic, or a bare v2 spec: {@code elements} and {@code layout}).
     */
    public static DashboardDocument of(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            throw new NotADashboard(
                    origin + " is not a Grafana dashboard: ",
                    "its top level is "
                            + ClassicShape.describe(
                                    root == null ? com.fasterxml.jackson.databind.node.NullNode.instance : root)
                            + ", expected an object; export the dashboard JSON again.");
        }
        ObjectNode o = (ObjectNode) root;
        if (o.has("apiVersion")) {
            return resource(o, origin);
        }
        JsonNode inner = o.get("dashboard");
        if (inner != null && inner.isObject() && !o.has("panels") && !o.has("rows")) {
            return plain((ObjectNode) inner, origin, DashboardDocument.Form.API_WRAPPER);
        }
        return plain(o, origin, DashboardDocument.Form.PLAIN);
    }

    private static DashboardDocument plain(ObjectNode d, String origin, DashboardDocument.Form form) {
        if (d.path("elements").isObject() && d.path("layout").isObject()) {
            // what Grafana's legacy API calls "appears to be in v2 format": a v2 spec without its envelope
            return new DashboardDocument(
                    origin, "", text(d, "title"), DashboardDocument.Schema.V2, form, "", d, Json.object());
        }
        if (!d.has("panels") && !d.has("rows") && !d.has("title")) {
            throw new NotADashboard(
                    origin + " is not a Grafana dashboard: ",
                    "the top-level object has no \"panels\", "
                            + "\"rows\", \"title\" or \"dashboard\" field; pass a dashboard export, an API response or a "
                            + GROUP + " resource.");
        }
        ClassicShape.check(d, origin);
        return new DashboardDocument(
                origin, text(d, "uid"), text(d, "title"), DashboardDocument.Schema.CLASSIC, form, "", d, Json.object());
    }

    private static DashboardDocument resource(ObjectNode o, String origin) {
        JsonNode av = o.get("apiVersion");
        String apiVersion = av.isTextual() ? av.asText() : "";
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? apiVersion : apiVersion.substring(0, slash);
        String version = slash < 0 ? "" : apiVersion.substring(slash + 1);
        String kind = o.path("kind").asText("");
        if (!group.equals(GROUP) || (!kind.isEmpty() && !kind.equals("Dashboard"))) {
            throw new NotADashboard(
                    origin + " is not a Grafana dashboard: ",
                    "it is a " + (kind.isEmpty() ? "resource" : kind)
                            + " of apiVersion "
                            + (av.isTextual() ? "\"" + apiVersion + "\"" : ClassicShape.describe(av))
                            + "; dash reads kind Dashboard of " + GROUP + ".");
        }
        DashboardDocument.Schema schema;
        if (CLASSIC_VERSIONS.contains(version)) {
            schema = DashboardDocument.Schema.CLASSIC;
        } else if (V2_VERSIONS.contains(version)) {
            schema = DashboardDocument.Schema.V2;
        } else {
            throw DashException.input(
                    origin + " is a dashboard of apiVersion " + apiVersion + ", which dash does not read; "
                            + "it reads " + GROUP + "/" + String.join(", /", CLASSIC_VERSIONS) + " (classic spec) and /"
                            + String.join(", /", V2_VERSIONS) + " (v2 spec).");
        }
        JsonNode conversion = o.path("status").path("conversion");
        if (conversion.path("failed").asBoolean(false)) {
            // Grafana answers a failed conversion with the metadata and an empty spec: nothing to read
            throw DashException.input(origin + " holds no dashboard: Grafana could not convert it to " + version
                    + (conversion.path("error").isTextual()
                            ? " (" + conversion.get("error").asText() + ")"
                            : "")
                    + "; read it in the version it is stored in"
                    + (conversion.path("storedVersion").isTextual()
                            ? " (" + conversion.get("storedVersion").asText() + ")"
                            : "")
                    + ".");
        }
        JsonNode spec = o.get("spec");
        if (spec == null || !spec.isObject()) {
            throw DashException.input(origin + " is a " + apiVersion + " dashboard without a dashboard in it: spec is "
                    + (spec == null ? "missing" : ClassicShape.describe(spec)) + ", where Grafana expects an object.");
        }
        JsonNode metadata = o.get("metadata");
        if (metadata != null && !metadata.isNull() && !metadata.isObject()) {
            throw DashException.input(origin + " is not a dashboard Grafana can load: metadata is "
                    + ClassicShape.describe(metadata) + ", where Grafana expects an object.");
        }
        ObjectNode meta = metadata != null && metadata.isObject() ? (ObjectNode) metadata : Json.object();
        JsonNode name = meta.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw DashException.input(origin + " is not a dashboard Grafana can load: metadata.name is "
                    + ClassicShape.describe(name) + ", where Grafana expects a string (the dashboard's uid).");
        }
        ObjectNode s = (ObjectNode) spec;
        if (schema == DashboardDocument.Schema.CLASSIC) {
            ClassicShape.check(s, origin);
        }
        // metadata.name is the uid; older list answers still echoed spec.uid, so that is the fallback
        String uid = name != null && name.isTextual() && !name.asText().isEmpty()
                ? name.asText()
                : schema == DashboardDocument.Schema.CLASSIC ? text(s, "uid") : "";
        return new DashboardDocument(
                origin, uid, text(s, "title"), schema, DashboardDocument.Form.RESOURCE, apiVersion, s, meta);
    }

    /** A scalar field as text, "" when absent, null or a container (Grafana shows a numeric title as its digits). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    /** Valid JSON or YAML, but no dashboard: a directory walk skips such files. */
    static final class NotADashboard extends DashException {
        private final String reason;

        NotADashboard(String subject, String reason) {
            super(ExitCodes.USAGE, subject + reason);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
