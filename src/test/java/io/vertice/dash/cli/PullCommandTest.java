package io.vertice.dash.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code dash pull} against the fake Grafana. */
@Timeout(60) // per test: the tests here start servers or processes
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
        ObjectNode d = Json.object().put("uid", uid).put("title", "Title of " + uid).put("schemaVersion", 39);
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
        assertThat(r.out()).contains("dash-3", "Title of dash-3", "written", "7 dashboards pulled");

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
        assertThat(grafana.requests("GET", "/api/search").get(0).queryParameter("dashboardUIDs").firstValue()).isEqualTo("other");
        assertThat(dash("pull", "--tag", "cockpit").exit()).isZero();
        assertThat(dash("pull", "--folder", "Cockpit/Consciousness").exit()).isZero();
        assertThat(grafana.requests("GET", "/api/search").get(2).queryParameter("folderUIDs").firstValue()).isEqualTo(consciousness);

        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("in-folder.json", "other.json", "tagged.json");
        }
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
        assertThat(git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "c")).isZero();
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

    private int git(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).directory(out.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
