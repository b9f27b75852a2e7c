package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code dash pull} against the fake Grafana: the legacy API of Grafana 10–12 and, parameterized, Grafana 13's /apis. */
@Timeout(120) // per test: the tests here start servers or processes
class PullCommandTest {
    private FakeGrafana grafana;
    private Map<String, String> env;

    @TempDir
    Path out;

    @BeforeEach
    void start() {
        grafana = new FakeGrafana();
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
    }

    @AfterEach
    void stop() {
        grafana.close();
    }

    private Cli.Result dash(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--retry-backoff", "1ms"));
        return Cli.run(env, all.toArray(String[]::new));
    }

    private ObjectNode seed(String uid, String folderUid, String... tags) {
        ObjectNode d =
                Json.object().put("uid", uid).put("title", "Title of " + uid).put("schemaVersion", 39);
        d.putArray("panels").addObject().put("id", 1).put("title", "P").put("type", "stat");
        var t = d.putArray("tags");
        for (String tag : tags) {
            t.add(tag);
        }
        grafana.seedDashboard(d, folderUid);
        return d;
    }

    @Test
    void pullsEveryDashboardPageByPageAsNormalisedStableJson() throws Exception {
        for (int i = 0; i < 7; i++) {
            seed("dash-" + i, null);
        }

        Cli.Result r = dash("pull", "--all", "--page-size", "3");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("GET", "/api/search")).hasSize(3);
        for (int i = 0; i < 7; i++) {
            Path f = out.resolve("dash-" + i + ".json");
            String text = Files.readString(f);
            JsonNode d = Json.parse(text, f.toString());
            assertThat(d.has("id")).isFalse();
            assertThat(d.has("version")).isFalse();
            assertThat(d.has("meta")).isFalse();
            assertThat(d.has("dashboard")).isFalse();
            assertThat(d.path("uid").asText()).isEqualTo("dash-" + i);
            assertThat(text).isEqualTo(Json.write(d));
        }
        assertThat(r.out()).contains("dash-3", "Title of dash-3", "written", "7 pulled (7 written) in " + out);

        Cli.Result again = dash("pull", "--all");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("unchanged").doesNotContain("written");
    }

    @Test
    void selectsByUidTagAndFolderPath() throws Exception {
        String cockpit = grafana.seedFolder("Cockpit", null);
        String consciousness = grafana.seedFolder("Consciousness", cockpit);
        seed("in-folder", consciousness);
        seed("tagged", null, "cockpit", "prod");
        seed("other", null);

        assertThat(dash("pull", "--uid", "other").exit()).isZero();
        assertThat(grafana.requests("GET", "/api/search")
                        .get(0)
                        .queryParameter("dashboardUIDs")
                        .firstValue())
                .isEqualTo("other");
        assertThat(dash("pull", "--tag", "cockpit").exit()).isZero();
        assertThat(dash("pull", "--folder", "Cockpit/Consciousness").exit()).isZero();
        assertThat(grafana.requests("GET", "/api/search")
                        .get(2)
                        .queryParameter("folderUIDs")
                        .firstValue())
                .isEqualTo(consciousness);

        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("in-folder.json", "other.json", "tagged.json");
        }
    }

    @Test
    void pullUidWritesOnlyTheUidsAskedForEvenWhenSearchIgnoresTheFilter() throws Exception {
        seed("wanted", null);
        seed("unwanted", null);
        grafana.searchIgnoresUidFilter = true;

        Cli.Result r = dash("pull", "--uid", "wanted");

        assertThat(r.exit()).as(r.all()).isZero();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("wanted.json");
        }
        assertThat(r.out()).doesNotContain("unwanted");
    }

    @Test
    void theSummaryCountsPulledKeptAndFailedSeparately() throws Exception {
        Assumptions.assumeTrue(git("--version") == 0, "skipped: git is not installed");
        seed("a-new", null);
        seed("b-same", null);
        seed("c-mine", null);
        assertThat(dash("pull", "--uid", "b-same").exit()).isZero();
        assertThat(git("init", "-q")).isZero();
        Files.writeString(out.resolve("c-mine.json"), "{\"uid\": \"c-mine\"}\n");
        assertThat(git("add", "c-mine.json")).isZero();
        assertThat(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c"))
                .isZero();
        Files.writeString(out.resolve("c-mine.json"), "{\"uid\": \"c-mine\", \"title\": \"local\"}\n");

        Cli.Result r = dash("pull", "--uid", "a-new", "--uid", "b-same", "--uid", "c-mine", "--uid", "ghost");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.out()).contains("2 pulled (1 written, 1 unchanged), 1 kept (local changes), 1 failed");
    }

    @Test
    void a403OnAReadDoesNotTalkAboutWriteAccess() {
        seed("secret", null);
        grafana.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                        "/api/dashboards/uid/secret"))
                        .atPriority(1)
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                .withStatus(403)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\":\"Access denied\"}")));

        Cli.Result r = dash("pull", "--uid", "secret");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("Grafana denied reading dashboard secret", "may not read")
                .doesNotContain("Editor")
                .doesNotContain("write");
    }

    @Test
    void aUidThatIsNotAFileNameIsRefused() {
        seed("../../escape", null);

        Cli.Result r = dash("pull", "--all");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("uid \"../../escape\" cannot be a file name");
        assertThat(out.getParent().resolve("escape.json")).doesNotExist();
    }

    @Test
    void saysWhichDashboardsToPull() {
        Cli.Result r = dash("pull");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--uid, --folder, --tag, or --all");
        assertThat(grafana.requests()).isEmpty();

        Cli.Result schema = dash("pull", "--all", "--schema", "v3");
        assertThat(schema.exit()).isEqualTo(2);
        assertThat(schema.err()).contains("'v3' is not a schema; use classic or v2");
    }

    @Test
    void anUnknownFolderOrUidIsReported() {
        Cli.Result folder = dash("pull", "--folder", "Nope");
        assertThat(folder.exit()).isEqualTo(2);
        assertThat(folder.err()).contains("folder \"Nope\" does not exist");

        Cli.Result uid = dash("pull", "--uid", "ghost");
        assertThat(uid.exit()).isEqualTo(3);
        assertThat(uid.err()).contains("no dashboard with uid ghost");
    }

    @Test
    void aFileWithUncommittedChangesIsKeptUnlessForced() throws Exception {
        Assumptions.assumeTrue(git("--version") == 0, "skipped: git is not installed");
        seed("mine", null);
        seed("theirs", null);
        assertThat(git("init", "-q")).isZero();
        Files.writeString(out.resolve("mine.json"), "{\"uid\": \"mine\", \"title\": \"committed\"}\n");
        assertThat(git("add", "mine.json")).isZero();
        assertThat(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c"))
                .isZero();
        String edited = "{\"uid\": \"mine\", \"title\": \"my local edit\"}\n";
        Files.writeString(out.resolve("mine.json"), edited);

        Cli.Result kept = dash("pull", "--all");

        assertThat(kept.exit()).isEqualTo(2);
        assertThat(Files.readString(out.resolve("mine.json"))).isEqualTo(edited);
        assertThat(out.resolve("theirs.json")).exists();
        assertThat(kept.err()).contains("mine.json has changes not committed to git", "--force");
        assertThat(kept.out()).contains("kept (local changes)");

        Cli.Result forced = dash("pull", "--all", "--force");

        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(Files.readString(out.resolve("mine.json"))).contains("Title of mine");
    }

    // ---- both generations ----

    private void use(FakeGrafana.Generation generation) {
        grafana.close();
        grafana = new FakeGrafana(generation);
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
    }

    private List<String> files() throws Exception {
        try (var s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void pullsEveryDashboardPageByPageOnBothGenerations(FakeGrafana.Generation generation) throws Exception {
        use(generation);
        for (int i = 0; i < 7; i++) {
            seed("dash-" + i, null);
        }
        // /apis may answer fewer items than the limit: only "continue" says whether more follow
        grafana.apis().maxPage(2);

        Cli.Result r = dash("pull", "--all", "--page-size", "3");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(files()).hasSize(7);
        for (int i = 0; i < 7; i++) {
            JsonNode d = Json.read(out.resolve("dash-" + i + ".json"));
            assertThat(d.path("uid").asText()).isEqualTo("dash-" + i);
            assertThat(d.has("id") || d.has("version") || d.has("spec") || d.has("dashboard"))
                    .isFalse();
        }
        if (generation == FakeGrafana.Generation.GRAFANA_13) {
            var lists = grafana.requests("GET", "/apis/dashboard.grafana.app/v1/namespaces/default/dashboards?");
            assertThat(lists).hasSize(4);
            assertThat(lists)
                    .allSatisfy(q ->
                            assertThat(q.queryParameter("limit").firstValue()).isEqualTo("3"));
            assertThat(lists.subList(1, 4))
                    .allSatisfy(q ->
                            assertThat(q.queryParameter("continue").isPresent()).isTrue());
            assertThat(grafana.requests("GET", "/api/search")).isEmpty();
        } else {
            assertThat(grafana.requests("GET", "/api/search")).hasSize(3);
        }
        assertThat(r.out()).contains("7 pulled (7 written)");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void selectsByUidTagAndFolderPathOnBothGenerations(FakeGrafana.Generation generation) throws Exception {
        use(generation);
        String cockpit = grafana.seedFolder("Cockpit", null);
        String consciousness = grafana.seedFolder("Consciousness", cockpit);
        seed("in-folder", consciousness);
        seed("in-parent", cockpit);
        seed("tagged", null, "cockpit", "prod");
        seed("half-tagged", null, "cockpit");
        seed("other", null);

        assertThat(dash("pull", "--uid", "other").exit()).isZero();
        assertThat(dash("pull", "--tag", "cockpit", "--tag", "prod").exit()).isZero();
        Cli.Result folder = dash("pull", "--folder", "Cockpit/Consciousness");

        assertThat(folder.exit()).as(folder.all()).isZero();
        assertThat(files()).containsExactly("in-folder.json", "other.json", "tagged.json");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void aClassicDashboardPullsAsAV2ResourceOnBothGenerations(FakeGrafana.Generation generation) throws Exception {
        use(generation);
        seed("classic-one", null);

        Cli.Result r = dash("pull", "--uid", "classic-one", "--schema", "v2");

        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode d = Json.read(out.resolve("classic-one.json"));
        assertThat(d.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2");
        assertThat(d.path("kind").asText()).isEqualTo("Dashboard");
        assertThat(d.path("metadata").path("name").asText()).isEqualTo("classic-one");
        assertThat(d.path("metadata").size()).isEqualTo(1);
        assertThat(d.path("spec").path("title").asText()).isEqualTo("Title of classic-one");
        assertThat(d.path("spec")
                        .path("elements")
                        .path("panel-1")
                        .path("spec")
                        .path("title")
                        .asText())
                .isEqualTo("P");
    }

    @Test
    void aClassicDashboardThatV2CannotHoldIsReportedNotWrittenAsV2() throws Exception {
        ObjectNode d = seed("odd-variable", null);
        // "const" is no variable type (the real one is "constant"): Grafana's converter drops it, so does dash's
        d.putObject("templating")
                .putArray("list")
                .addObject()
                .put("name", "site")
                .put("type", "const")
                .put("query", "x");
        grafana.dashboard("odd-variable")
                .model
                .set("templating", d.get("templating").deepCopy());

        Cli.Result r = dash("pull", "--uid", "odd-variable", "--schema", "v2");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "dashboard odd-variable: variable 'site' of type 'const' has no v2 form",
                        "nothing was written",
                        "--schema classic");
        assertThat(files()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void refusedCredentialsAreReportedOncePerPull(FakeGrafana.Generation generation) {
        use(generation);
        for (int i = 0; i < 5; i++) {
            seed("d" + i, null);
        }
        grafana.searchNeedsNoAuth = true;
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", "glsa_expired");

        Cli.Result r = dash("pull", "--all");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().split("refused the credentials", -1)).as(r.err()).hasSize(2);
        assertThat(r.err()).contains("the token is invalid, expired or revoked").doesNotContain("glsa_expired");
    }

    // ---- Grafana 13: dashboards stored as v2, read in their stored version ----

    private static final Path FIXTURES = Path.of("..", "shared", "grafana-v2", "conversion");

    /** Grafana's own v2beta1 input and its v1beta1 conversion output, from grafana/grafana's conversion tests. */
    private static JsonNode[] fixture(String input, String output) {
        Assumptions.assumeTrue(
                Files.isDirectory(FIXTURES),
                "skipped: ../shared/grafana-v2/conversion is not there (a clone of your own)");
        return new JsonNode[] {
            Json.read(FIXTURES.resolve("input").resolve(input)),
            Json.read(FIXTURES.resolve("output").resolve(output))
        };
    }

    @Test
    void aV2StoredDashboardPullsInBothSchemas() throws Exception {
        JsonNode[] pair = fixture(
                "migrated_dashboards_from_v0_to_v2/v2beta1.v16.grid_layout_upgrade.json",
                "migrated_dashboards_from_v0_to_v2/v2beta1.v16.grid_layout_upgrade.v1beta1.json");
        use(FakeGrafana.Generation.GRAFANA_13);
        grafana.seedV2Dashboard(
                "grid", "v2beta1", (ObjectNode) pair[0].get("spec"), (ObjectNode) pair[1].get("spec"), null);
        Path v2 = out.resolve("v2");
        Path classic = out.resolve("classic");

        Cli.Result asV2 = Cli.run(
                env, "pull", "--uid", "grid", "--schema", "v2", "--out", v2.toString(), "--retry-backoff", "1ms");
        Cli.Result asClassic =
                Cli.run(env, "pull", "--uid", "grid", "--out", classic.toString(), "--retry-backoff", "1ms");

        assertThat(asV2.exit()).as(asV2.all()).isZero();
        JsonNode resource = Json.read(v2.resolve("grid.json"));
        assertThat(resource.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2beta1");
        assertThat(resource.path("metadata").path("name").asText()).isEqualTo("grid");
        assertThat(resource.path("spec")).isEqualTo(pair[0].get("spec"));
        assertThat(grafana.requests("GET", "/apis/dashboard.grafana.app/v2beta1/namespaces/default/dashboards/grid"))
                .isNotEmpty();

        assertThat(asClassic.exit()).as(asClassic.all()).isZero();
        JsonNode d = Json.read(classic.resolve("grid.json"));
        assertThat(d.path("uid").asText()).isEqualTo("grid");
        assertThat(d.has("elements")).isFalse();
        // the same panels, in the same order, as Grafana's own v2 -> classic conversion of this dashboard
        assertThat(panelSummary(d)).isEqualTo(panelSummary(pair[1].get("spec")));
    }

    /** Type and title of every panel, rows and the panels inside collapsed rows included, in order. */
    private static List<String> panelSummary(JsonNode dashboard) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p.path("type").asText() + ":" + p.path("title").asText());
            p.path("panels")
                    .forEach(inner -> out.add(inner.path("type").asText() + ":"
                            + inner.path("title").asText()));
        }
        return out;
    }

    @Test
    void aV2DashboardThatClassicJsonCannotHoldIsReportedNotWritten() throws Exception {
        JsonNode[] pair = fixture("v2beta1.tabs-and-rows-repeated.json", "v2beta1.tabs-and-rows-repeated.v1beta1.json");
        use(FakeGrafana.Generation.GRAFANA_13);
        grafana.seedV2Dashboard(
                "tabs", "v2beta1", (ObjectNode) pair[0].get("spec"), (ObjectNode) pair[1].get("spec"), null);

        Cli.Result r = dash("pull", "--uid", "tabs");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "dashboard tabs is stored as v2beta1 and classic JSON cannot hold all of it (field 'layout",
                        "nothing was written",
                        "--schema v2");
        assertThat(out.resolve("tabs.json")).doesNotExist();
        assertThat(r.out()).contains("0 pulled, 1 failed");

        Cli.Result v2 = dash("pull", "--uid", "tabs", "--schema", "v2");
        assertThat(v2.exit()).as(v2.all()).isZero();
        assertThat(Json.read(out.resolve("tabs.json")).path("spec")).isEqualTo(pair[0].get("spec"));
    }

    @Test
    void aConversionGrafanaMarksAsFailedIsReportedNotWritten() throws Exception {
        use(FakeGrafana.Generation.GRAFANA_13);
        seed("ancient", null);
        grafana.dashboard("ancient").storedVersion = "v0alpha1";
        grafana.dashboard("ancient").conversionError = "schema version 12 is below the minimum version 13";
        seed("fine", null);

        Cli.Result r = dash("pull", "--all");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "Grafana could not read dashboard ancient as v1 from its stored v0alpha1",
                        "status.conversion: schema version 12 is below the minimum version 13");
        assertThat(files()).containsExactly("fine.json");
        assertThat(r.out()).contains("1 pulled (1 written), 1 failed");
    }

    @Test
    void anExpiredContinueTokenRestartsTheList() throws Exception {
        use(FakeGrafana.Generation.GRAFANA_13);
        for (int i = 0; i < 5; i++) {
            seed("d" + i, null);
        }
        grafana.apis().maxPage(2).expireNextContinue();

        Cli.Result r = dash("pull", "--all");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(files()).hasSize(5);
        var lists = grafana.requests("GET", "/apis/dashboard.grafana.app/v1/namespaces/default/dashboards?");
        assertThat(lists.stream().filter(q -> !q.queryParameter("continue").isPresent()))
                .hasSize(2);
    }

    private int git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd)
                    .directory(out.toFile())
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
