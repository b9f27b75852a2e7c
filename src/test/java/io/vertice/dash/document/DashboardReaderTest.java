package io.vertice.dash.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.vertice.dash.DashException;
import io.vertice.dash.document.DashboardDocument.Form;
import io.vertice.dash.document.DashboardDocument.Schema;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.NotUtf8;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link DashboardReader}: every shape a dashboard comes in, Grafana's tolerance, and a sentence for the rest. */
class DashboardReaderTest {
    @TempDir
    Path dir;

    private static final String CLASSIC =
            """
            {"uid": "u1", "title": "T", "panels": [{"id": 1, "type": "timeseries", "title": "P",
              "targets": [{"refId": "A", "expr": "up"}]}]}""";

    static Stream<Arguments> shapes() {
        return Stream.of(
                arguments("classic JSON", "d.json", CLASSIC, Schema.CLASSIC, Form.PLAIN, "", "u1"),
                arguments(
                        "legacy API answer",
                        "d.json",
                        "{\"dashboard\": " + CLASSIC + ", \"meta\": {\"folderUid\": \"f\"}}",
                        Schema.CLASSIC,
                        Form.API_WRAPPER,
                        "",
                        "u1"),
                arguments(
                        "v0alpha1 resource",
                        "d.json",
                        resource("v0alpha1", "{\"title\": \"T\", \"panels\": []}"),
                        Schema.CLASSIC,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v0alpha1",
                        "from-metadata"),
                arguments(
                        "v1beta1 resource",
                        "d.json",
                        resource("v1beta1", "{\"title\": \"T\", \"panels\": []}"),
                        Schema.CLASSIC,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v1beta1",
                        "from-metadata"),
                arguments(
                        "v1 resource",
                        "d.json",
                        resource("v1", "{\"title\": \"T\", \"panels\": []}"),
                        Schema.CLASSIC,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v1",
                        "from-metadata"),
                arguments(
                        "v2beta1 resource",
                        "d.json",
                        resource("v2beta1", "{\"title\": \"T\", \"elements\": {}, \"layout\": {}}"),
                        Schema.V2,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v2beta1",
                        "from-metadata"),
                arguments(
                        "v2 resource",
                        "d.json",
                        resource("v2", "{\"title\": \"T\", \"elements\": {}, \"layout\": {}}"),
                        Schema.V2,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v2",
                        "from-metadata"),
                arguments(
                        "bare v2 spec",
                        "d.json",
                        "{\"title\": \"T\", \"elements\": {}, \"layout\": {\"kind\": \"GridLayout\"}}",
                        Schema.V2,
                        Form.PLAIN,
                        "",
                        ""),
                arguments(
                        "classic YAML",
                        "d.yaml",
                        "uid: u1\ntitle: T\npanels:\n  - id: 1\n    type: stat\n",
                        Schema.CLASSIC,
                        Form.PLAIN,
                        "",
                        "u1"),
                arguments(
                        "v1 resource YAML",
                        "d.yml",
                        """
                        apiVersion: dashboard.grafana.app/v1
                        kind: Dashboard
                        metadata:
                          name: from-metadata
                          annotations:
                            grafana.app/folder: cockpit
                        spec:
                          title: T
                          panels: []
                        """,
                        Schema.CLASSIC,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v1",
                        "from-metadata"),
                arguments(
                        "v2 resource YAML",
                        "d.yaml",
                        """
                        apiVersion: dashboard.grafana.app/v2
                        kind: Dashboard
                        metadata: {name: from-metadata}
                        spec: {title: T, elements: {}, layout: {kind: GridLayout, spec: {items: []}}}
                        """,
                        Schema.V2,
                        Form.RESOURCE,
                        "dashboard.grafana.app/v2",
                        "from-metadata"));
    }

    private static String resource(String version, String spec) {
        return "{\"apiVersion\": \"dashboard.grafana.app/" + version + "\", \"kind\": \"Dashboard\", "
                + "\"metadata\": {\"name\": \"from-metadata\", \"annotations\": {\"grafana.app/folder\": \"cockpit\"}}, "
                + "\"spec\": " + spec
                + ", \"status\": {\"conversion\": {\"failed\": false, \"storedVersion\": \"v1\"}}}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapes")
    void readsEveryShape(
            String name, String fileName, String text, Schema schema, Form form, String apiVersion, String uid)
            throws Exception {
        Path f = dir.resolve(fileName);
        Files.writeString(f, text);

        DashboardDocument d = DashboardReader.read(f);

        assertThat(d.schema()).isEqualTo(schema);
        assertThat(d.form()).isEqualTo(form);
        assertThat(d.apiVersion()).isEqualTo(apiVersion);
        assertThat(d.uid()).isEqualTo(uid);
        assertThat(d.title()).isEqualTo("T");
        assertThat(d.origin()).isEqualTo(f.toString());
        assertThat(d.spec().has("dashboard") || d.spec().has("apiVersion"))
                .as("the spec is never the wrapper")
                .isFalse();
        // validate and diff work on the classic form, which carries the uid of the envelope
        assertThat(d.classic().path("uid").asText()).isEqualTo(uid);
        assertThat(d.classic().path("title").asText()).isEqualTo("T");
        if (form == Form.RESOURCE) {
            assertThat(d.metadata().path("name").asText()).isEqualTo("from-metadata");
        }
    }

    /** The shapes of issue 9: what Grafana's loader copes with is read, the rest is a sentence with the JSON path; then what is no dashboard. */
    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                arguments("a null panel", "{\"title\": \"T\", \"panels\": [null]}", null),
                arguments("a number and a string as panels", "{\"title\": \"T\", \"panels\": [1, \"x\"]}", null),
                arguments(
                        "a row holding a null panel",
                        "{\"title\": \"T\", \"panels\": [{\"type\": \"row\", \"panels\": [null]}]}",
                        null),
                arguments("panels absent, rows null", "{\"title\": \"T\", \"rows\": null}", null),
                arguments("a null variable", "{\"title\": \"T\", \"templating\": {\"list\": [null]}}", null),
                arguments(
                        "panels a string",
                        "{\"title\": \"T\", \"panels\": \"x\"}",
                        "d.json is not a dashboard Grafana can load: panels is a string (\"x\"), where Grafana expects a list (JSON array) of panels; fix or remove it."),
                arguments(
                        "targets a string",
                        "{\"title\": \"T\", \"panels\": [{}, {}, {}, {\"targets\": \"x\"}]}",
                        "panels[3].targets is a string (\"x\"), where Grafana expects a list (JSON array) of queries"),
                arguments(
                        "a null query",
                        "{\"title\": \"T\", \"panels\": [{\"targets\": [null]}]}",
                        "panels[0].targets[0] is null, where Grafana expects an object (a query)"),
                arguments(
                        "a number as a query in a collapsed row",
                        "{\"title\": \"T\", \"panels\": [{\"type\": \"row\", \"panels\": [{\"targets\": [7]}]}]}",
                        "panels[0].panels[0].targets[0] is a number (7)"),
                arguments(
                        "old rows' panels an object",
                        "{\"title\": \"T\", \"rows\": [{\"panels\": {}}]}",
                        "rows[0].panels is an object, where Grafana expects a list (JSON array) of panels"),
                arguments(
                        "variables a number",
                        "{\"title\": \"T\", \"templating\": {\"list\": 5}}",
                        "templating.list is a number (5), where Grafana expects a list (JSON array) of variables"),
                arguments(
                        "uid a number",
                        "{\"title\": \"T\", \"uid\": 5}",
                        "uid is a number (5), where Grafana expects a string"),
                arguments(
                        "a resource's spec a list",
                        "{\"apiVersion\": \"dashboard.grafana.app/v1\", \"kind\": \"Dashboard\", \"spec\": []}",
                        "d.json is a dashboard.grafana.app/v1 dashboard without a dashboard in it: spec is a list"),
                arguments(
                        "a resource's name a number",
                        "{\"apiVersion\": \"dashboard.grafana.app/v1\", \"metadata\": {\"name\": 3}, \"spec\": {}}",
                        "metadata.name is a number (3)"),
                // and what is no dashboard at all
                arguments(
                        "a list",
                        "[1, 2]",
                        "d.json is not a Grafana dashboard: its top level is a list, expected an object"),
                arguments(
                        "an unrelated object",
                        "{\"name\": \"my-package\"}",
                        "d.json is not a Grafana dashboard: the top-level object has no \"panels\""),
                arguments(
                        "a folder resource",
                        "{\"apiVersion\": \"folder.grafana.app/v1\", \"kind\": \"Folder\", \"spec\": {\"title\": \"F\"}}",
                        "it is a Folder of apiVersion \"folder.grafana.app/v1\"; dash reads kind Dashboard of dashboard.grafana.app"),
                arguments(
                        "an unknown version",
                        "{\"apiVersion\": \"dashboard.grafana.app/v3\", \"spec\": {}}",
                        "is a dashboard of apiVersion dashboard.grafana.app/v3, which dash does not read; it reads dashboard.grafana.app/v0alpha1, /v1beta1, /v1 (classic spec) and /v2alpha1, /v2beta1, /v2 (v2 spec)"),
                arguments(
                        "a conversion Grafana could not do",
                        "{\"apiVersion\": \"dashboard.grafana.app/v1\", \"kind\": \"Dashboard\", \"spec\": {},"
                                + " \"status\": {\"conversion\": {\"failed\": true, \"error\": \"tabs cannot be classic\", \"storedVersion\": \"v2beta1\"}}}",
                        "d.json holds no dashboard: Grafana could not convert it to v1 (tabs cannot be classic); read it in the version it is stored in (v2beta1)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void toleratesWhatGrafanaToleratesAndNamesThePathOfTheRest(String name, String json, String sentence)
            throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(f, json);
        if (sentence == null) {
            assertThat(DashboardReader.read(f).classic().path("title").asText()).isEqualTo("T");
        } else {
            assertThatThrownBy(() -> DashboardReader.read(f))
                    .isInstanceOf(DashException.class)
                    .hasMessageContaining(sentence)
                    .satisfies(e -> assertThat(((DashException) e).exitCode()).isEqualTo(2));
        }
    }

    @Test
    void aFileThatIsNotUtf8NamesTheByteAndWhereItIs() throws Exception {
        Path f = NotUtf8.write(dir.resolve("latin1.json"));
        assertThatThrownBy(() -> DashboardReader.read(f)).hasMessage(f + NotUtf8.SENTENCE);
    }

    @Test
    void aByteOrderMarkIsNoProblem() throws Exception {
        Path f = dir.resolve("bom.json");
        Files.write(f, ("\uFEFF" + CLASSIC).getBytes(StandardCharsets.UTF_8));
        assertThat(DashboardReader.read(f).uid()).isEqualTo("u1");
    }

    static Stream<Arguments> beyondJacksonsLimits() {
        return Stream.of(
                arguments(
                        "1,500 levels of nesting",
                        "{\"title\": \"T\", \"panels\": " + "[".repeat(1500) + "]".repeat(1500) + "}",
                        "it nests arrays and objects deeper than 1000 levels"),
                arguments(
                        "a number of 2,000 digits",
                        "{\"title\": \"T\", \"version\": " + "9".repeat(2000) + "}",
                        "it holds a number longer than 1000 digits"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondJacksonsLimits")
    void jacksonsLimitsAreASentenceWithoutJacksonsClassNames(String name, String json, String sentence)
            throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(f, json);
        assertThatThrownBy(() -> DashboardReader.read(f))
                .hasMessageContaining(sentence)
                .hasMessageEndingWith("; fix the file or export it again.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("StreamReadConstraints", "Exception"));
    }

    @Test
    void hugeNumbersThatJacksonReadsAreJustNumbers() throws Exception {
        Path f = dir.resolve("d.json");
        Files.writeString(
                f,
                "{\"uid\": \"u\", \"title\": \"T\", \"panels\": [{\"id\": 1e999999999, \"gridPos\": {\"x\": -1e400, \"w\": 1e400}}]}");
        assertThat(Json.write(DashboardReader.read(f).classic())).contains("1E+999999999");
    }

    @Test
    void permissionDeniedSaysSo() throws Exception {
        Assumptions.assumeFalse(
                "root".equals(System.getProperty("user.name")),
                "skipped: running as root, who may read any file, so a permission problem cannot be made here");
        Path f = dir.resolve("secret.json");
        Files.writeString(f, CLASSIC);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertThatThrownBy(() -> DashboardReader.read(f)).hasMessage(f + " cannot be read: permission denied.");
    }

    @Test
    void malformedYamlNamesLineAndColumn() throws Exception {
        Path f = dir.resolve("d.yaml");
        Files.writeString(f, "title: T\npanels: [\n  - a\n");
        assertThatThrownBy(() -> DashboardReader.read(f)).hasMessageContaining(f + " is not valid YAML at line");
    }

    @Test
    void aDirectoryIsReadRecursivelyInPathOrderSkippingWhatIsNoDashboard() throws Exception {
        Files.createDirectories(dir.resolve("b/c"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/c/z.json"), CLASSIC.replace("u1", "z"));
        Files.writeString(dir.resolve("b/a.yaml"), "uid: a\ntitle: A\npanels: []\n");
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"tooling\"}");
        Files.writeString(dir.resolve("notes.txt"), "not looked at");
        Files.writeString(dir.resolve(".git/ignored.json"), CLASSIC);
        List<String> skipped = new ArrayList<>();

        List<DashboardDocument> read = DashboardReader.readAll(List.of(dir), skipped::add);

        assertThat(read).extracting(DashboardDocument::uid).containsExactly("a", "z");
        assertThat(skipped)
                .containsExactly(
                        "skipped " + dir.resolve("package.json")
                                + ": the top-level object has no \"panels\", \"rows\", \"title\" or \"dashboard\" field; pass a dashboard export, an API response or a dashboard.grafana.app resource.");
    }

    @Test
    void aDirectoryWithoutAnyDashboardIsAnInputError() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"tooling\"}");
        assertThatThrownBy(() -> DashboardReader.readAll(List.of(dir), s -> {}))
                .hasMessage(
                        dir + " holds no dashboard file (*.json, *.yaml, *.yml that is a dashboard); check the path, "
                                + "or run with --verbose to see what was skipped.");
    }

    @Test
    void aFileNamedExplicitlyMustBeADashboardAndABrokenOneInADirectoryIsNotSkipped() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"tooling\"}");
        assertThatThrownBy(() -> DashboardReader.readAll(List.of(dir.resolve("package.json")), s -> {}))
                .hasMessageContaining("is not a Grafana dashboard");
        Files.writeString(dir.resolve("broken.json"), "{\"title\": \"T\", \"panels\": [");
        assertThatThrownBy(() -> DashboardReader.readAll(List.of(dir), s -> {}))
                .hasMessageContaining("broken.json is not valid JSON at line 1");
    }
}
