package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import io.vertice.dash.testing.NotUtf8;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The commands that read dashboards (validate, diff --against, import --from, pull, export --check) read
 * them the same way: every shape, what Grafana tolerates tolerated, and one sentence with exit 2 for the rest.
 */
@Timeout(120)
class DashboardInputCommandsTest {
    @TempDir
    Path dir;

    private FakeGrafana grafana;
    private Map<String, String> env;

    @BeforeEach
    void start() {
        grafana = new FakeGrafana();
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
    }

    @AfterEach
    void stop() {
        grafana.close();
    }

    /** Our dashboards exported into {@code dir}, with ESGT Deep Dive's panels replaced by {@code panels}. */
    private Path esgtWithPanels(String panels) throws Exception {
        new Exporter(Exporter.render()).export(dir, false);
        Path esgt = dir.resolve("esgt-deep-dive.json");
        ObjectNode d = (ObjectNode) Json.read(esgt);
        d.set("panels", Json.parse(panels, "test"));
        Files.writeString(esgt, d.toString());
        return esgt;
    }

    private Cli.Result dash(String... args) {
        return Cli.run(env, args);
    }

    private static List<String[]> readingCommands(Path file, Path folder) {
        return List.of(
                new String[] {"validate", file.toString()},
                new String[] {"diff", "--against", folder.toString()},
                new String[] {"import", "--from", file.toString(), "--dry-run", "--retry-backoff", "1ms"});
    }

    static Stream<Arguments> shapesGrafanaLoads() {
        return Stream.of(
                arguments("a null panel", "[null]"),
                arguments("a number and a string as panels", "[1, \"x\"]"),
                arguments(
                        "a row holding a null panel",
                        "[{\"type\": \"row\", \"title\": \"R\", \"collapsed\": true, \"gridPos\": {\"h\": 1, \"w\": 24, \"x\": 0, \"y\": 0}, \"panels\": [null]}]"));
    }

    /** Issue 9: diff and import threw ClassCastException on these and exited 1, which CI reads as drift. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shapesGrafanaLoads")
    void panelsGrafanaLoadsAreReadByEveryCommand(String name, String panels) throws Exception {
        Path esgt = esgtWithPanels(panels);

        Cli.Result validate = dash("validate", esgt.toString());
        assertThat(validate.exit()).as(validate.all()).isZero();
        assertThat(validate.out()).contains("1 dashboard, 0 panels");

        Cli.Result diff = dash("diff", "--against", dir.toString());
        assertThat(diff.exit()).as(diff.all()).isEqualTo(1);
        assertThat(diff.out())
                .contains("ESGT Deep Dive › ")
                .contains("differences in 1 dashboard between the code and " + dir);
        assertThat(diff.all()).doesNotContain("Exception");

        Cli.Result imp = dash("import", "--from", esgt.toString(), "--dry-run", "--retry-backoff", "1ms");
        assertThat(imp.exit()).as(imp.all()).isZero();
        assertThat(imp.out()).contains("esgt-deep-dive").contains("1 create (dry run: nothing written)");
    }

    static Stream<Arguments> shapesGrafanaCannotLoad() {
        return Stream.of(
                arguments(
                        "targets a string",
                        "[{}, {}, {}, {\"targets\": \"x\"}]",
                        "panels[3].targets is a string (\"x\")"),
                arguments("a null query", "[{\"targets\": [null]}]", "panels[0].targets[0] is null"),
                arguments("panels an object", "{}", "panels is an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shapesGrafanaCannotLoad")
    void whatGrafanaCannotLoadIsOneSentenceWithTheJsonPathAndExitTwo(String name, String panels, String path)
            throws Exception {
        Path esgt = esgtWithPanels(panels);
        for (String[] args : readingCommands(esgt, dir)) {
            Cli.Result r = dash(args);
            assertThat(r.exit()).as(String.join(" ", args) + ": " + r.all()).isEqualTo(2);
            assertThat(r.err())
                    .isEqualTo("dash: " + esgt + " is not a dashboard Grafana can load: " + path
                            + r.err()
                                    .substring(("dash: " + esgt + " is not a dashboard Grafana can load: " + path)
                                            .length()));
            assertThat(r.err().lines()).hasSize(1);
        }
    }

    @Test
    void aFileThatIsNotUtf8IsOneSentenceNamingTheByteInEveryCommand() throws Exception {
        new Exporter(Exporter.render()).export(dir, false);
        Path esgt = NotUtf8.write(dir.resolve("esgt-deep-dive.json"));
        String sentence = "dash: " + esgt + NotUtf8.SENTENCE;

        for (String[] args : readingCommands(esgt, dir)) {
            Cli.Result r = dash(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().strip()).isEqualTo(sentence);
        }
        Cli.Result check = dash("export", "--check", "--out", dir.toString());
        assertThat(check.exit()).isEqualTo(2);
        assertThat(check.err().strip()).isEqualTo(sentence);
    }

    @Test
    void pullWritesADashboardWithPanelsGrafanaToleratesAsItIs() throws Exception {
        ObjectNode d = Json.object().put("uid", "odd").put("title", "Odd").put("schemaVersion", 39);
        d.set(
                "panels",
                Json.parse(
                        "[null, 1, \"x\", {\"type\": \"row\", \"panels\": [null], \"pluginVersion\": \"11.6.0\"}]",
                        "test"));
        grafana.seedDashboard(d, null);

        Cli.Result r = dash("pull", "--uid", "odd", "--out", dir.toString(), "--retry-backoff", "1ms");

        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode pulled = Json.read(dir.resolve("odd.json"));
        assertThat(pulled.get("panels").toString()).isEqualTo("[null,1,\"x\",{\"panels\":[null],\"type\":\"row\"}]");
    }

    @Test
    void validateReadsEveryDashboardFileUnderADirectoryAndSaysWhatItSkipsWithVerbose() throws Exception {
        List<RenderedDashboard> ours = Exporter.render();
        Files.createDirectories(dir.resolve("team/nested"));
        Files.writeString(
                dir.resolve("team/" + ours.get(0).fileName()), ours.get(0).text());
        Files.writeString(dir.resolve("team/nested/" + ours.get(1).uid() + ".yaml"), asYamlResource(ours.get(1), "v1"));
        Files.writeString(dir.resolve("package.json"), "{\"name\": \"tooling\", \"version\": \"1.0.0\"}");

        Cli.Result quiet = dash("validate", dir.toString());
        Cli.Result verbose = dash("validate", dir.toString(), "--verbose");

        assertThat(quiet.exit()).as(quiet.all()).isZero();
        assertThat(quiet.out()).startsWith("2 dashboards, ");
        assertThat(quiet.err()).isEmpty();
        assertThat(verbose.out()).isEqualTo(quiet.out());
        assertThat(verbose.err())
                .isEqualTo(
                        "dash: skipped " + dir.resolve("package.json") + ": the top-level object has no \"panels\", "
                                + "\"rows\", \"title\" or \"dashboard\" field; pass a dashboard export, an API response or a dashboard.grafana.app resource.\n");
    }

    static Stream<Arguments> everyShapeOfOurDashboards() {
        return Stream.of(
                arguments("legacy API answer (JSON)", ".json", (Function<RenderedDashboard, String>)
                        d -> "{\"dashboard\": " + d.text() + ", \"meta\": {\"folderUid\": \"x\", \"version\": 3}}"),
                arguments("v1beta1 resource (JSON)", ".json", (Function<RenderedDashboard, String>)
                        d -> resourceJson(d, "v1beta1")),
                arguments("v1 resource (YAML)", ".yaml", (Function<RenderedDashboard, String>)
                        d -> asYamlResource(d, "v1")),
                arguments("v2beta1 resource (JSON)", ".json", (Function<RenderedDashboard, String>)
                        d -> v2Resource(d, SchemaVersion.V2BETA1)),
                arguments("v2 resource (YAML)", ".yaml", (Function<RenderedDashboard, String>)
                        d -> toYaml(v2Resource(d, SchemaVersion.V2))));
    }

    /** Issue 12: our dashboards in any shape validate to the same summary, and import and diff read them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("everyShapeOfOurDashboards")
    void everyShapeIsReadByValidateDiffAndImport(
            String name, String extension, Function<RenderedDashboard, String> shape) throws Exception {
        Path classic = Files.createDirectories(dir.resolve("classic"));
        Path shaped = Files.createDirectories(dir.resolve("shaped"));
        new Exporter(Exporter.render()).export(classic, false);
        for (RenderedDashboard d : Exporter.render()) {
            Files.writeString(shaped.resolve(d.uid() + extension), shape.apply(d));
        }

        Cli.Result expected = dash("validate", classic.toString());
        Cli.Result validate = dash("validate", shaped.toString());
        assertThat(validate.exit()).as(validate.all()).isZero();
        assertThat(validate.out())
                .as("every query found, with the same findings")
                .isEqualTo(expected.out());

        Cli.Result diff = dash("diff", "--against", shaped.toString());
        assertThat(diff.exit()).as(diff.all()).isZero();
        assertThat(diff.out()).contains("no differences: 3 dashboards match " + shaped);

        Cli.Result imp = dash(
                "import",
                "--from",
                shaped.resolve("esgt-deep-dive" + extension).toString(),
                "--dry-run",
                "--retry-backoff",
                "1ms");
        assertThat(imp.exit()).as(imp.all()).isZero();
        assertThat(imp.out()).contains("esgt-deep-dive", "1 create (dry run: nothing written)");
    }

    @Test
    void aV2FileDiffersFromTheCodeOnlyWhereItsContentDoes() throws Exception {
        for (RenderedDashboard d : Exporter.render()) {
            ObjectNode classic = d.json();
            if (d.uid().equals("esgt-deep-dive")) {
                ObjectNode target =
                        (ObjectNode) classic.get("panels").findParents("expr").get(0);
                target.put("expr", "changed_in_the_ui");
            }
            ObjectNode spec = DashboardConversion.toV2(classic, SchemaVersion.V2);
            Files.writeString(
                    dir.resolve(d.uid() + ".json"),
                    Json.write(DashboardConversion.resource(d.uid(), spec, SchemaVersion.V2)));
        }

        Cli.Result diff = dash("diff", "--against", dir.toString());

        assertThat(diff.exit()).as(diff.all()).isEqualTo(1);
        assertThat(diff.out())
                .containsOnlyOnce(".expr: \"changed_in_the_ui\" → ")
                .endsWith("1 difference in 1 dashboard between the code and " + dir + "\n");
    }

    private static String resourceJson(RenderedDashboard d, String version) {
        ObjectNode spec = d.json();
        spec.remove("uid");
        ObjectNode r = Json.object()
                .put("apiVersion", "dashboard.grafana.app/" + version)
                .put("kind", "Dashboard");
        r.putObject("metadata").put("name", d.uid()).putObject("annotations").put("grafana.app/folder", "cockpit");
        r.set("spec", spec);
        return Json.write(r);
    }

    private static String asYamlResource(RenderedDashboard d, String version) {
        return toYaml(resourceJson(d, version));
    }

    private static String v2Resource(RenderedDashboard d, SchemaVersion version) {
        return Json.write(DashboardConversion.resource(d.uid(), DashboardConversion.toV2(d.json(), version), version));
    }

    private static String toYaml(String json) {
        try {
            return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().writeValueAsString(Json.parse(json, "test"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }
}
