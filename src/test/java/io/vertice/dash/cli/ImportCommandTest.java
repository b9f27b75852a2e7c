package io.vertice.dash.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vertice.dash.Version;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.export.RenderedDashboard;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.grafana.PreImportCheck;
import io.vertice.dash.json.Json;
import io.vertice.dash.v2.DashboardConversion;
import io.vertice.dash.v2.SchemaVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code dash import} against a stateful fake of Grafana's documented API: the legacy {@code /api} of
 * Grafana 10–12 and, in the parameterized cases, Grafana 13's {@code /apis} as well.
 */
@Timeout(120) // per test: the tests here start servers or processes
class ImportCommandTest {
    private FakeGrafana grafana;
    private Map<String, String> env;
    /** What import --validate runs in this test; null for the real validation. */
    private PreImportCheck importCheck;

    @BeforeEach
    void start() {
        grafana = new FakeGrafana();
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN, "GRAFANA_ORG_ID", "7");
    }

    @AfterEach
    void stop() {
        grafana.close();
    }

    private Cli.Result dash(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--retry-backoff", "1ms", "--timeout", "5s"));
        CommandFactory factory = CommandFactory.standard().withEnvironment(env);
        return Cli.run(
                importCheck == null ? factory : factory.withImportCheck(importCheck), all.toArray(String[]::new));
    }

    private static List<String> ourUids() {
        return Exporter.render().stream().map(RenderedDashboard::uid).toList();
    }

    private static JsonNode body(LoggedRequest r) {
        return Json.parse(r.getBodyAsString(), "request");
    }

    @Test
    void createsTheFolderPathLevelByLevelBeforePushingAnyDashboard() {
        Cli.Result r = dash("import", "--folder", "Cockpit/Consciousness");

        assertThat(r.exit()).as(r.all()).isZero();
        List<LoggedRequest> writes = grafana.requests().stream()
                .filter(q -> q.getMethod().getName().equals("POST"))
                .toList();
        assertThat(writes).hasSize(2 + ourUids().size());
        assertThat(writes.get(0).getUrl()).isEqualTo("/api/folders");
        assertThat(writes.get(1).getUrl()).isEqualTo("/api/folders");
        assertThat(body(writes.get(0)).path("title").asText()).isEqualTo("Cockpit");
        assertThat(body(writes.get(0)).has("parentUid")).isFalse();
        String cockpit = grafana.folderUid("Cockpit");
        String consciousness = grafana.folderUid("Consciousness");
        assertThat(body(writes.get(1)).path("parentUid").asText()).isEqualTo(cockpit);
        for (LoggedRequest save : writes.subList(2, writes.size())) {
            assertThat(save.getUrl()).isEqualTo("/api/dashboards/db");
            JsonNode b = body(save);
            assertThat(b.path("folderUid").asText()).isEqualTo(consciousness);
            assertThat(b.path("overwrite").asBoolean(true)).isFalse();
            assertThat(b.path("message").asText()).startsWith("dash " + Version.get());
            assertThat(b.path("dashboard").path("id").isNull()).isTrue();
        }
        for (String uid : ourUids()) {
            assertThat(grafana.dashboard(uid).version).isEqualTo(1);
            assertThat(grafana.dashboard(uid).folderUid).isEqualTo(consciousness);
        }
        assertThat(r.out())
                .contains(
                        "created folder Cockpit",
                        "created folder Cockpit/Consciousness",
                        "UID",
                        "TITLE",
                        "FOLDER",
                        "ACTION",
                        "VERSION",
                        "URL",
                        "ESGT Deep Dive",
                        grafana.url() + "/d/esgt-deep-dive/esgt-deep-dive",
                        "3 dashboards: 3 created");
        assertThat(r.out()).containsPattern("esgt-deep-dive +ESGT Deep Dive +Cockpit/Consciousness +created +1 ");
    }

    @Test
    void everyRequestCarriesTheTokenTheOrganisationAndDashsUserAgent() {
        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests()).isNotEmpty().allSatisfy(q -> {
            assertThat(q.getHeader("Authorization")).isEqualTo("Bearer " + FakeGrafana.TOKEN);
            assertThat(q.getHeader("X-Grafana-Org-Id")).isEqualTo("7");
            assertThat(q.getHeader("User-Agent")).isEqualTo("dash/" + Version.get());
        });
        assertThat(grafana.requests("GET", "/api/health")).hasSize(1);
        assertThat(grafana.requests().get(0).getUrl()).isEqualTo("/api/health");
    }

    @Test
    void basicAuthIsUsedWhenThereIsNoToken() {
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_USER", "admin", "GRAFANA_PASSWORD", "pa55word!");
        grafana.expectedAuthorization = okhttp3.Credentials.basic("admin", "pa55word!");

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.dashboard("esgt-deep-dive")).isNotNull();
        assertThat(r.all()).doesNotContain("pa55word!");
    }

    @Test
    void aSecondImportOfTheSameDashboardsPushesNothing() {
        assertThat(dash("import", "--folder", "Cockpit").exit()).isZero();
        int savesBefore = grafana.requests("POST", "/api/dashboards/db").size();

        Cli.Result again = dash("import", "--folder", "Cockpit");

        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(savesBefore);
        assertThat(grafana.requests("POST", "/api/folders")).hasSize(1);
        assertThat(again.out()).contains("3 dashboards: 3 unchanged");
        ourUids().forEach(uid -> assertThat(grafana.dashboard(uid).version).isEqualTo(1));
    }

    @Test
    void aDashboardChangedInGrafanaIsUpdatedWithTheVersionItWasReadAt() {
        assertThat(dash("import").exit()).isZero();
        grafana.editInUi("esgt-deep-dive", m -> m.put("title", "ESGT (edited by hand)"));

        Cli.Result r = dash("import");

        assertThat(r.exit()).as(r.all()).isZero();
        List<LoggedRequest> saves = grafana.requests("POST", "/api/dashboards/db");
        LoggedRequest last = saves.get(saves.size() - 1);
        assertThat(body(last).path("dashboard").path("version").asLong()).isEqualTo(2);
        assertThat(body(last).path("dashboard").path("uid").asText()).isEqualTo("esgt-deep-dive");
        assertThat(grafana.dashboard("esgt-deep-dive").version).isEqualTo(3);
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("title").asText())
                .isEqualTo("ESGT Deep Dive");
        assertThat(saves).hasSize(ourUids().size() + 1);
        assertThat(r.out()).contains("1 updated, 2 unchanged");
    }

    @Test
    void withoutFolderAnExistingDashboardStaysInItsFolder() {
        String team = grafana.seedFolder("Team", null);
        ObjectNode old = Exporter.render().get(0).json();
        old.put("title", "old title");
        grafana.seedDashboard(old, team);

        Cli.Result r = dash("import", old.path("uid").asText());

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(body(grafana.requests("POST", "/api/dashboards/db").get(0))
                        .path("folderUid")
                        .asText())
                .isEqualTo(team);
        assertThat(r.out()).contains("Team");
    }

    @Test
    void dryRunWritesNothingAndShowsWhatWouldChange() {
        ObjectNode live = Exporter.render().stream()
                .filter(d -> d.uid().equals("esgt-deep-dive"))
                .findFirst()
                .orElseThrow()
                .json();
        live.put("refresh", "5m");
        grafana.seedDashboard(live, null);

        Cli.Result r = dash("import", "--folder", "Cockpit/Consciousness", "--dry-run");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests().stream()
                        .filter(q -> q.getMethod().getName().equals("POST")))
                .isEmpty();
        assertThat(grafana.folderTitles()).isEmpty();
        assertThat(r.out())
                .contains(
                        "would create folder Cockpit",
                        "would create folder Cockpit/Consciousness",
                        "esgt-deep-dive: 1 change",
                        "ESGT Deep Dive › refresh: \"5m\" → ",
                        "(dry run: nothing written)");
        assertThat(r.out()).containsPattern("consciousness-overview .* create ");
        assertThat(r.out()).containsPattern("esgt-deep-dive .* update +1 ");
    }

    @Test
    void aFolderCreatedConcurrentlyResolvesToTheExistingOne() {
        String existing = grafana.seedFolder("Cockpit", null);
        // the first listing misses it (created by someone else just after), so dash tries to create it: 409
        grafana.server()
                .stubFor(get(urlPathEqualTo("/api/folders"))
                        .atPriority(1)
                        .inScenario("race")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("listed")
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBody("[]")));

        Cli.Result r = dash("import", "esgt-deep-dive", "--folder", "Cockpit");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("POST", "/api/folders")).hasSize(1);
        assertThat(grafana.folderTitles()).containsExactly("Cockpit");
        assertThat(grafana.dashboard("esgt-deep-dive").folderUid).isEqualTo(existing);
        assertThat(r.out()).doesNotContain("created folder");
    }

    @Test
    void aServerWithoutNestedFoldersIsAClearErrorBeforeAnythingIsCreated() {
        grafana.nestedFolders = false;
        grafana.seedFolder("Other", null);

        Cli.Result r = dash("import", "--folder", "Cockpit/Consciousness");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("does not support nested folders", "nestedFolders feature toggle", "single-level --folder");
        assertThat(grafana.requests().stream()
                        .filter(q -> q.getMethod().getName().equals("POST")))
                .isEmpty();
    }

    @Test
    void aProvisionedDashboardFailsWithAnActionableSentenceAndTheOthersAreStillImported() {
        ObjectNode live = Exporter.render().stream()
                .filter(d -> d.uid().equals("esgt-deep-dive"))
                .findFirst()
                .orElseThrow()
                .json();
        live.put("refresh", "7m");
        FakeGrafana.Stored s = grafana.seedDashboard(live, null);
        s.provisioned = true;
        s.provisionedFile = "/etc/grafana/provisioning/dashboards/esgt-deep-dive.json";

        Cli.Result r = dash("import");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "esgt-deep-dive",
                        "provisioned from the provisioning file /etc/grafana/provisioning/dashboards/esgt-deep-dive.json",
                        "Grafana refuses API changes to it",
                        "change that file instead");
        assertThat(grafana.dashboard("esgt-deep-dive").version).as("not saved").isEqualTo(1);
        assertThat(r.out()).containsPattern("esgt-deep-dive .* failed");
        assertThat(grafana.dashboard("consciousness-overview")).isNotNull();
        assertThat(grafana.dashboard("arousal-dynamics")).isNotNull();
        assertThat(r.out()).contains("2 created, 1 failed");
    }

    @Test
    void aConcurrentEditIsAVersionMismatchWith412AndWithTheNewer409() {
        for (int status : new int[] {412, 409}) {
            grafana.close();
            grafana = new FakeGrafana();
            grafana.conflictStatus = status;
            env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            ObjectNode live = Exporter.render().get(0).json();
            live.put("refresh", "7m");
            String uid = live.path("uid").asText();
            grafana.seedDashboard(live, null);
            grafana.editRightAfterRead(uid);

            Cli.Result r = dash("import", uid);

            assertThat(r.exit()).as("status " + status).isEqualTo(3);
            assertThat(r.err())
                    .contains(
                            "changed in Grafana by someone else",
                            "version-mismatch",
                            "--overwrite",
                            String.valueOf(status));

            grafana.editRightAfterRead(uid);
            Cli.Result forced = dash("import", uid, "--overwrite");
            assertThat(forced.exit()).as(forced.all()).isZero();
            assertThat(body(grafana.requests("POST", "/api/dashboards/db").get(1))
                            .path("overwrite")
                            .asBoolean())
                    .isTrue();
        }
    }

    @Test
    void aSameNamedDashboardInTheFolderIsNameExists() {
        ObjectNode other = Json.object().put("uid", "someone-elses").put("title", "ESGT Deep Dive");
        grafana.seedDashboard(other, null);

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("same title or uid already exists", "name-exists", "rename one of them");
    }

    @Test
    void aPluginDashboardIsExplained() {
        ObjectNode live = Exporter.render().get(0).json();
        live.put("refresh", "7m");
        grafana.seedDashboard(live, null).pluginId = "grafana-cockpit-app";

        Cli.Result r = dash("import", live.path("uid").asText());

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("belongs to a plugin", "plugin-dashboard", "grafana-cockpit-app");
    }

    @Test
    void aFolderDeletedDuringTheImportIsExplained() {
        grafana.server()
                .stubFor(post(urlPathEqualTo("/api/dashboards/db"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(404)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\":\"Folder not found\"}")));

        Cli.Result r = dash("import", "esgt-deep-dive", "--folder", "Cockpit");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "its folder Cockpit no longer exists in Grafana (404 \"Folder not found\")",
                        "run the import again");
    }

    @Test
    void theDefaultMessageNamesDashsVersionAndTheCommit() {
        String commit = io.vertice.dash.grafana.Git.shortCommit(Path.of("").toAbsolutePath());

        assertThat(dash("import", "esgt-deep-dive").exit()).isZero();

        String message = grafana.dashboard("esgt-deep-dive").messages.get(0);
        assertThat(message).isEqualTo("dash " + Version.get() + (commit == null ? "" : " (commit " + commit + ")"));
        assertThat(dash("import", "arousal-dynamics", "--message", "release 42").exit())
                .isZero();
        assertThat(grafana.dashboard("arousal-dynamics").messages).containsExactly("release 42");
    }

    @Test
    void anInvalidTokenIsOneSentenceAndExit3() {
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", "glsa_expired_token_value");

        Cli.Result r = dash("import");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("refused the credentials", "the token is invalid, expired or revoked", "GRAFANA_TOKEN");
        assertThat(r.all()).doesNotContain("glsa_expired_token_value").doesNotContain("Exception");
    }

    @Test
    void anInvalidTokenIsReportedOncePerRunNotOncePerDashboard() {
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", "glsa_expired_token_value");

        Cli.Result r = dash("import", "--parallel", "1");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err().split("refused the credentials", -1)).as(r.err()).hasSize(2);
        assertThat(grafana.requests("GET", "/api/dashboards/uid/")).hasSize(1);
    }

    @Test
    void aWrongPasswordDoesNotAdviseCreatingAToken() {
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_USER", "admin", "GRAFANA_PASSWORD", "wrong-pass");

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("refused the credentials", "user admin or its password is wrong", "GRAFANA_PASSWORD")
                .doesNotContain("token");
    }

    @Test
    void aReadOnlyAccountIsToldItLacksPermission() {
        grafana.readOnly = true;

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("Grafana denied saving dashboard esgt-deep-dive", "403", "lacks the permission");
    }

    @Test
    void a503IsRetriedAndThenSucceeds() {
        grafana.server()
                .stubFor(post(urlPathEqualTo("/api/dashboards/db"))
                        .atPriority(1)
                        .inScenario("flaky")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(503).withBody("<html>Service Unavailable</html>")));

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(2);
        assertThat(grafana.dashboard("esgt-deep-dive").version).isEqualTo(1);
    }

    @Test
    void aSaveWhoseAnswerWasLostIsRecognisedWhenTheRetryConflicts() {
        assertThat(dash("import").exit()).isZero();
        grafana.editInUi("esgt-deep-dive", m -> m.put("refresh", "7m"));
        grafana.loseNextSaveAnswer = true;

        Cli.Result r = dash("import", "esgt-deep-dive");

        // first save applied (version 3) but reset; the retry gets version-mismatch; Grafana's copy is ours
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("POST", "/api/dashboards/db"))
                .hasSize(ourUids().size() + 2);
        assertThat(grafana.dashboard("esgt-deep-dive").version).isEqualTo(3);
        assertThat(r.out()).containsPattern("esgt-deep-dive .* updated +3 ");
    }

    @Test
    void aCreateWhoseAnswerWasLostIsRecognisedToo() {
        grafana.loseNextSaveAnswer = true;

        Cli.Result r = dash("import", "esgt-deep-dive", "--folder", "Cockpit");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(2);
        assertThat(grafana.dashboard("esgt-deep-dive").version).isEqualTo(1);
        assertThat(r.out()).containsPattern("esgt-deep-dive .* created +1 ");
    }

    @Test
    void serverErrorsThatPersistFailAfterRetriesNamingTheAttempts() {
        grafana.server()
                .stubFor(post(urlPathEqualTo("/api/dashboards/db"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503).withBody("upstream down")));

        Cli.Result r = dash("import", "esgt-deep-dive", "--retries", "2");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(3);
        assertThat(r.err()).contains("Grafana failed while saving dashboard esgt-deep-dive", "503", "tried 3 times");
    }

    @Test
    void anOtherClientErrorIsNotRetried() {
        grafana.server()
                .stubFor(post(urlPathEqualTo("/api/dashboards/db"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"message\":\"Dashboard title cannot be empty\"}")));

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(grafana.requests("POST", "/api/dashboards/db")).hasSize(1);
        assertThat(r.err())
                .contains("Grafana rejected saving dashboard esgt-deep-dive", "Dashboard title cannot be empty");
    }

    @Test
    void validationErrorsStopTheImportBeforeAnyRequest() {
        AtomicInteger checked = new AtomicInteger();
        importCheck = dashboards -> {
            checked.set(dashboards.size());
            return new PreImportCheck.Result(
                    true, List.of("esgt-deep-dive: panel 3: unknown metric maximus_nope (error)"));
        };

        Cli.Result r = dash("import", "--validate", "--folder", "Cockpit");

        assertThat(r.exit()).isEqualTo(1);
        assertThat(checked.get()).isEqualTo(ourUids().size());
        assertThat(r.out()).contains("unknown metric maximus_nope");
        assertThat(r.err()).contains("nothing was pushed");
        assertThat(grafana.requests()).isEmpty();
    }

    @Test
    void cleanValidationLetsTheImportProceed() {
        importCheck = dashboards -> new PreImportCheck.Result(false, List.of("2 warnings"));

        Cli.Result r = dash("import", "--validate");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("2 warnings", "3 created");
        assertThat(grafana.dashboardCount()).isEqualTo(3);
    }

    @Test
    void importsFilesWithAProgressLineForManyDashboards(@TempDir Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode d = Json.object().put("uid", "file-" + i).put("title", "File " + i);
            d.putArray("panels");
            Path f = dir.resolve("d" + i + ".json");
            // the API shape (as pulled with curl) is accepted too
            Files.writeString(
                    f,
                    i % 2 == 0
                            ? Json.write(d)
                            : Json.write(Json.object()
                                    .<ObjectNode>set("dashboard", d)
                                    .set("meta", Json.object())));
            files.add(f.toString());
        }
        List<String> args = new ArrayList<>(List.of("import", "--parallel", "3", "--from"));
        args.addAll(files);

        Cli.Result r = dash(args.toArray(String[]::new));

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.dashboardCount()).isEqualTo(12);
        assertThat(r.err()).contains("imported 12/12");
        assertThat(r.out()).contains("12 dashboards: 12 created");
    }

    @Test
    void twoFilesWithOneUidAreAnInputError(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(a, "{\"uid\": \"same\", \"title\": \"A\", \"panels\": []}");
        Files.writeString(b, "{\"uid\": \"same\", \"title\": \"B\", \"panels\": []}");

        Cli.Result r = dash("import", "--from", a.toString(), b.toString());

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(a + " and " + b + " both have uid same");
        assertThat(grafana.requests()).isEmpty();
    }

    @Test
    void aFileWithoutUidOrNotADashboardIsAnInputError(@TempDir Path dir) throws Exception {
        Path noUid = dir.resolve("no-uid.json");
        Files.writeString(noUid, "{\"title\": \"A\", \"panels\": []}");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"title\": ");

        assertThat(dash("import", "--from", noUid.toString()).err()).contains(noUid + " has no \"uid\"");
        Cli.Result r = dash("import", "--from", broken.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(broken + " is not valid JSON at line 1");
    }

    @Test
    void anUnknownUidIsAnInputError() {
        Cli.Result r = dash("import", "no-such-dashboard");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no dashboard with uid no-such-dashboard", "esgt-deep-dive");
        assertThat(grafana.requests()).isEmpty();
    }

    @Test
    void theTokenAndPasswordNeverAppearInAnyOutputEvenWithVerbose() {
        // success, a failure answer and a retry: every logging path runs
        grafana.server()
                .stubFor(post(urlPathEqualTo("/api/dashboards/db"))
                        .atPriority(1)
                        .inScenario("flaky")
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("ok")
                        .willReturn(aResponse().withStatus(503)));
        Cli.Result ok = dash("import", "--verbose", "--folder", "Cockpit");
        Cli.Result denied = Cli.run(
                Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", "glsa_wrong_butStillSecret"),
                "import",
                "--verbose",
                "--retry-backoff",
                "1ms");
        Cli.Result basic = Cli.run(
                Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_USER", "admin", "GRAFANA_PASSWORD", "hunter2-pass"),
                "import",
                "--verbose",
                "--retry-backoff",
                "1ms");

        assertThat(ok.exit()).as(ok.all()).isZero();
        assertThat(ok.err())
                .contains(
                        "GET /api/health -> 200", "POST /api/dashboards/db -> 503", "retrying POST /api/dashboards/db");
        assertThat(denied.exit()).isEqualTo(3);
        assertThat(basic.exit()).isEqualTo(3);
        String everything = ok.all() + denied.all() + basic.all();
        assertThat(everything)
                .doesNotContain(FakeGrafana.TOKEN)
                .doesNotContain("glsa_wrong_butStillSecret")
                .doesNotContain("hunter2-pass")
                .doesNotContain(okhttp3.Credentials.basic("admin", "hunter2-pass"));
        assertThat(basic.err()).contains("basic user admin");
    }

    @Test
    void aTokenIsNotSentOverPlainHttpToAnotherHost() {
        Cli.Result r = Cli.run(
                Map.of("GRAFANA_TOKEN", FakeGrafana.TOKEN), "import", "--url", "http://grafana.example.invalid:3000");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        "refusing to send the Grafana token over plain http to grafana.example.invalid",
                        "https://",
                        "--allow-insecure-http");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    // ---- both generations: the legacy /api (Grafana 10-12) and /apis (Grafana 13) ----

    private void use(FakeGrafana.Generation generation) {
        grafana.close();
        grafana = new FakeGrafana(generation);
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN, "GRAFANA_ORG_ID", "7");
    }

    /** Dashboard writes of either API: legacy saves, or /apis creates and replaces. */
    private List<LoggedRequest> dashboardWrites() {
        return grafana.requests().stream()
                .filter(q -> !q.getMethod().getName().equals("GET"))
                .filter(q -> q.getUrl().startsWith("/api/dashboards/db")
                        || q.getUrl().contains("/dashboards"))
                .toList();
    }

    /** Grafana has ESGT Deep Dive with one change made in its UI (refresh 7m). */
    private FakeGrafana.Stored seedEditedEsgt() {
        ObjectNode live = ours("esgt-deep-dive");
        live.put("refresh", "7m");
        return grafana.seedDashboard(live, null);
    }

    private static ObjectNode ours(String uid) {
        return Exporter.render().stream()
                .filter(d -> d.uid().equals(uid))
                .findFirst()
                .orElseThrow()
                .json();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void importTwiceIsUnchangedTheSecondTimeWithNoVersionChurn(FakeGrafana.Generation generation) {
        use(generation);
        Cli.Result first = dash("import", "--folder", "Cockpit/Consciousness");
        assertThat(first.exit()).as(first.all()).isZero();
        assertThat(first.out()).contains("created folder Cockpit/Consciousness", "3 dashboards: 3 created");
        Map<String, Long> resourceVersions = new java.util.HashMap<>();
        ourUids().forEach(uid -> resourceVersions.put(uid, grafana.dashboard(uid).resourceVersion));
        int writes = dashboardWrites().size();

        Cli.Result again = dash("import", "--folder", "Cockpit/Consciousness");

        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("3 dashboards: 3 unchanged").doesNotContain("created folder");
        assertThat(dashboardWrites()).hasSize(writes);
        assertThat(grafana.folderTitles()).containsExactlyInAnyOrder("Cockpit", "Consciousness in Cockpit");
        for (String uid : ourUids()) {
            assertThat(grafana.dashboard(uid).version).isEqualTo(1);
            assertThat(grafana.dashboard(uid).resourceVersion).isEqualTo(resourceVersions.get(uid));
            assertThat(grafana.dashboard(uid).folderUid).isEqualTo(grafana.folderUid("Consciousness"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void aDashboardEditedInGrafanaIsUpdatedAndTheMessageGoesWithIt(FakeGrafana.Generation generation) {
        use(generation);
        assertThat(dash("import").exit()).isZero();
        grafana.editInUi("esgt-deep-dive", m -> m.put("title", "ESGT (edited by hand)"));

        Cli.Result r = dash("import", "--message", "release 42");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("1 updated, 2 unchanged").containsPattern("esgt-deep-dive .* updated +3 ");
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("title").asText())
                .isEqualTo("ESGT Deep Dive");
        assertThat(grafana.dashboard("esgt-deep-dive").messages).last().isEqualTo("release 42");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void aConcurrentEditIsAConflictAndOverwriteRetriesOnce(FakeGrafana.Generation generation) {
        use(generation);
        seedEditedEsgt();
        grafana.editRightAfterRead("esgt-deep-dive");

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("changed in Grafana by someone else", "--overwrite");
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("refresh").asText())
                .isEqualTo("7m");

        grafana.editRightAfterRead("esgt-deep-dive");
        Cli.Result forced = dash("import", "esgt-deep-dive", "--overwrite");
        assertThat(forced.exit()).as(forced.all()).isZero();
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("refresh").asText())
                .isNotEqualTo("7m");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FakeGrafana.Generation.class)
    void aProvisionedDashboardIsNotOverwrittenAndADryRunSaysSkip(FakeGrafana.Generation generation) {
        use(generation);
        FakeGrafana.Stored s = seedEditedEsgt();
        if (generation == FakeGrafana.Generation.GRAFANA_11) {
            s.provisioned = true;
            s.provisionedFile = "cockpit/esgt-deep-dive.json";
        } else {
            s.annotations
                    .put("grafana.app/managedBy", "classic-file-provisioning")
                    .put("grafana.app/managerId", "cockpit")
                    .put("grafana.app/sourcePath", "cockpit/esgt-deep-dive.json");
        }

        Cli.Result dry = dash("import", "esgt-deep-dive", "--dry-run");
        Cli.Result real = dash("import", "esgt-deep-dive");

        assertThat(dry.exit()).as(dry.all()).isZero();
        assertThat(dry.out()).contains("skip (provisioned: change the file on the server)");
        assertThat(real.exit()).isEqualTo(3);
        assertThat(real.err()).contains("provisioned from the provisioning file", "change that file instead");
        assertThat(dashboardWrites()).isEmpty();
    }

    // ---- /apis only (Grafana 13) ----

    @Test
    void apisCreatesFoldersAndDashboardsAsKubernetesObjectsInTheOrganisationsNamespace() {
        use(FakeGrafana.Generation.GRAFANA_13);

        Cli.Result r = dash("import", "esgt-deep-dive", "--folder", "Cockpit/Consciousness", "--message", "release 42");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.requests("GET", "/apis")).isNotEmpty();
        assertThat(grafana.requests("POST", "/api/")).isEmpty();
        List<LoggedRequest> folders = grafana.requests("POST", "/apis/folder.grafana.app/v1/namespaces/org-7/folders");
        assertThat(folders).hasSize(2);
        JsonNode cockpit = body(folders.get(0));
        JsonNode consciousness = body(folders.get(1));
        assertThat(cockpit.path("spec").path("title").asText()).isEqualTo("Cockpit");
        assertThat(cockpit.path("metadata").path("annotations").has("grafana.app/folder"))
                .isFalse();
        assertThat(consciousness
                        .path("metadata")
                        .path("annotations")
                        .path("grafana.app/folder")
                        .asText())
                .isEqualTo(cockpit.path("metadata").path("name").asText());
        List<LoggedRequest> creates =
                grafana.requests("POST", "/apis/dashboard.grafana.app/v1/namespaces/org-7/dashboards");
        assertThat(creates).hasSize(1);
        JsonNode created = body(creates.get(0));
        assertThat(created.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v1");
        assertThat(created.path("kind").asText()).isEqualTo("Dashboard");
        assertThat(created.path("metadata").path("name").asText()).isEqualTo("esgt-deep-dive");
        assertThat(created.path("metadata")
                        .path("annotations")
                        .path("grafana.app/folder")
                        .asText())
                .isEqualTo(consciousness.path("metadata").path("name").asText());
        assertThat(created.path("metadata")
                        .path("annotations")
                        .path("grafana.app/message")
                        .asText())
                .isEqualTo("release 42");
        assertThat(created.path("spec").has("id")).isFalse();
        assertThat(created.path("spec").has("uid")).isFalse();
        assertThat(created.path("spec").path("title").asText()).isEqualTo("ESGT Deep Dive");
        assertThat(r.out())
                .containsPattern("esgt-deep-dive .* created +1 +"
                        + java.util.regex.Pattern.quote(grafana.url() + "/d/esgt-deep-dive"));
    }

    @Test
    void apisUpdatesWithThePutOfTheResourceVersionRead() {
        use(FakeGrafana.Generation.GRAFANA_13);
        FakeGrafana.Stored s = seedEditedEsgt();
        long read = s.resourceVersion;

        Cli.Result r = dash("import", "esgt-deep-dive");

        assertThat(r.exit()).as(r.all()).isZero();
        List<LoggedRequest> puts =
                grafana.requests("PUT", "/apis/dashboard.grafana.app/v1/namespaces/org-7/dashboards/esgt-deep-dive");
        assertThat(puts).hasSize(1);
        assertThat(body(puts.get(0)).path("metadata").path("resourceVersion").asText())
                .isEqualTo(Long.toString(read));
        assertThat(grafana.dashboard("esgt-deep-dive").version).isEqualTo(2);
        assertThat(r.out()).containsPattern("esgt-deep-dive .* updated +2 ");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
        "repo,cockpit-dashboards,Git Sync (repository cockpit-dashboards)",
        "terraform,,Terraform",
        "kubectl,grafana-operator,kubectl or a Kubernetes operator (grafana-operator)"
    })
    void aManagedDashboardIsRefusedWithItsManagerNamed(String kind, String id, String named) {
        use(FakeGrafana.Generation.GRAFANA_13);
        FakeGrafana.Stored s = seedEditedEsgt();
        s.annotations.put("grafana.app/managedBy", kind);
        if (id != null) {
            s.annotations.put("grafana.app/managerId", id);
        }

        Cli.Result dry = dash("import", "esgt-deep-dive", "--dry-run");
        Cli.Result r = dash("import", "esgt-deep-dive", "--overwrite");

        assertThat(dry.out()).contains("skip (managed by " + named + ": change it there)");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains(
                        "dashboard esgt-deep-dive is managed by " + named,
                        "grafana.app/managedBy: " + kind,
                        "does not overwrite it");
        assertThat(dashboardWrites()).isEmpty();
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("refresh").asText())
                .isEqualTo("7m");
    }

    @Test
    void theNamespaceIsDefaultForOrgOneAndTheStackOnGrafanaCloud() {
        use(FakeGrafana.Generation.GRAFANA_13);
        env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
        assertThat(dash("import", "esgt-deep-dive").exit()).isZero();
        assertThat(grafana.requests("POST", "/apis/dashboard.grafana.app/v1/namespaces/default/dashboards"))
                .hasSize(1);

        grafana.apis().cloudStack("5756");
        Cli.Result wrong = dash("import", "arousal-dynamics");
        Cli.Result cloud = dash("import", "arousal-dynamics", "--namespace", "stacks-5756");

        assertThat(wrong.exit()).isEqualTo(3);
        assertThat(wrong.err())
                .contains("Grafana denied reading dashboard arousal-dynamics", "403 Forbidden", "may not read");
        assertThat(cloud.exit()).as(cloud.all()).isZero();
        assertThat(grafana.requests("POST", "/apis/dashboard.grafana.app/v1/namespaces/stacks-5756/dashboards"))
                .hasSize(1);
    }

    @Test
    void aDashboardStoredAsV2IsComparedThroughItsClassicFormAndOverwrittenWithTheCode() {
        use(FakeGrafana.Generation.GRAFANA_13);
        assertThat(dash("import").exit()).isZero();
        ObjectNode classic = ours("esgt-deep-dive");
        classic.put("refresh", "1h");
        // the UI stores it as v2 (a Grafana 13 save), with one change of content
        grafana.saveAsV2InUi(
                "esgt-deep-dive", "v2beta1", DashboardConversion.toV2(classic, SchemaVersion.V2BETA1), null);

        Cli.Result dry = dash("import", "--dry-run");
        Cli.Result r = dash("import");

        assertThat(dry.out())
                .contains("esgt-deep-dive: 1 change", "ESGT Deep Dive › refresh: \"1h\" → ")
                .contains("2 unchanged");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(grafana.dashboard("esgt-deep-dive").storedVersion).isEqualTo("v1");
        assertThat(grafana.dashboard("esgt-deep-dive").model.path("refresh").asText())
                .isNotEqualTo("1h");
    }

    @Test
    void theLegacyApisNotAcceptableForAV2DashboardSwitchesToApisWithOneVerboseLine() {
        use(FakeGrafana.Generation.GRAFANA_13);
        ObjectNode classic = ours("esgt-deep-dive");
        grafana.seedV2Dashboard(
                "esgt-deep-dive", "v2beta1", DashboardConversion.toV2(classic, SchemaVersion.V2BETA1), null, null);

        Cli.Result r = dash("import", "esgt-deep-dive", "--api", "legacy", "--verbose");

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).containsPattern("esgt-deep-dive .* unchanged");
        assertThat(grafana.requests("GET", "/api/dashboards/uid/esgt-deep-dive"))
                .hasSize(1);
        assertThat(r.err().lines().filter(l -> l.contains("stored as v2beta1")))
                .containsExactly(
                        "dash: dashboard esgt-deep-dive is stored as v2beta1, which the legacy API does not serve; reading it through /apis (namespace org-7)");
        assertThat(r.all()).doesNotContain("rejected").doesNotContain("failed").doesNotContain("Exception");
    }

    @Test
    void schemaV2StoresV2ThroughTheHighestV2VersionAndASecondImportIsUnchanged() {
        use(FakeGrafana.Generation.GRAFANA_13);

        Cli.Result r = dash("import", "--schema", "v2", "--folder", "Cockpit");
        Cli.Result again = dash("import", "--schema", "v2", "--folder", "Cockpit");

        assertThat(r.exit()).as(r.all()).isZero();
        List<LoggedRequest> creates =
                grafana.requests("POST", "/apis/dashboard.grafana.app/v2/namespaces/org-7/dashboards");
        assertThat(creates).hasSize(3);
        JsonNode sent = body(creates.get(0));
        assertThat(sent.path("apiVersion").asText()).isEqualTo("dashboard.grafana.app/v2");
        assertThat(sent.path("spec").has("elements")).isTrue();
        assertThat(sent.path("spec").has("panels")).isFalse();
        assertThat(grafana.dashboard("esgt-deep-dive").storedVersion).isEqualTo("v2");
        assertThat(again.exit()).as(again.all()).isZero();
        assertThat(again.out()).contains("3 dashboards: 3 unchanged");
        assertThat(dashboardWrites()).hasSize(3);
        ourUids().forEach(uid -> assertThat(grafana.dashboard(uid).version).isEqualTo(1));
    }

    @Test
    void schemaV2OnTheLegacyApiIsOneSentenceBeforeAnyWrite() {
        Cli.Result r = dash("import", "--schema", "v2");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("legacy API, which stores only classic dashboards", "--schema classic");
        assertThat(dashboardWrites()).isEmpty();
    }

    @Test
    void apisPinnedOnAGrafanaWithoutItIsOneSentence() {
        Cli.Result r = dash("import", "esgt-deep-dive", "--api", "apis");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err())
                .contains("does not serve dashboard.grafana.app and folder.grafana.app under /apis", "drop --api apis");
        assertThat(grafana.requests("POST", "/api/")).isEmpty();

        Cli.Result typo = dash("import", "esgt-deep-dive", "--api", "v3");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("--api must be auto, legacy or apis, got \"v3\"");
        Cli.Result schema = dash("import", "esgt-deep-dive", "--schema", "v3");
        assertThat(schema.exit()).isEqualTo(2);
        assertThat(schema.err()).contains("'v3' is not a schema; use classic or v2");
    }
}
