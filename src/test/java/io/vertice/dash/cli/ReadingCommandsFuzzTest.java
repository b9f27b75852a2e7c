package io.vertice.dash.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.DashException;
import io.vertice.dash.diff.Change;
import io.vertice.dash.diff.DashboardDiff;
import io.vertice.dash.diff.DiffFormat;
import io.vertice.dash.diff.Normalizer;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.export.Exporter;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.testing.DashboardMutator;
import io.vertice.dash.testing.SharedDir;
import io.vertice.dash.validate.ReportFormat;
import io.vertice.dash.validate.Reports;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.validate.Validator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real dashboards (ours and, when {@code ../shared} is there, the 205-file corpus and Grafana's classic
 * and v2 conversion fixtures) broken at random by {@link DashboardMutator}, as JSON or YAML, read the way every reading command reads them: the answer is a result or
 * one sentence (exit 2), never an exception's name or a stack trace.
 *
 * <p>Two layers. The first runs thousands of cases through what the commands call once their fixed
 * work is done (reading the file, validating with every rule and rendering every report format,
 * diffing against our dashboard and rendering every diff format, normalising and writing as pull does),
 * which takes seconds. The second runs the commands themselves in-process ({@code validate FILE},
 * {@code validate DIR}, {@code diff --against}, {@code import --from --dry-run} and {@code pull} against
 * the WireMock Grafana, {@code export --check}) on fewer cases, since each run renders our dashboards
 * and builds a catalogue: it checks the exit codes and the wiring between reading and printing.
 *
 * <p>Each case has its own seed, printed on failure. Replay one with {@code -Ddash.fuzz.seed=S
 * -Ddash.fuzz.cases=1} (or {@code -Ddash.fuzz.commandCases=1}); run more with larger counts.
 */
class ReadingCommandsFuzzTest {
    private static final int CASES = Integer.getInteger("dash.fuzz.cases", 2000);
    private static final int COMMAND_CASES = Integer.getInteger("dash.fuzz.commandCases", 40);
    /** What must never reach a user: a Java exception or error class, a stack frame, Jackson's limit classes. */
    private static final Pattern LEAK = Pattern.compile(
            "[A-Za-z]+(Exception|Error)\\b|\\n\\s+at [a-zA-Z_$][\\w$.]*\\(|StreamReadConstraints|StreamWriteConstraints|unexpected error|internal error");

    private static final Set<Integer> ANSWERS = Set.of(0, 1, 2);

    private static final com.fasterxml.jackson.databind.ObjectMapper YAML =
            new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
    private static List<Path> seeds;
    private static final Map<Path, JsonNode> PARSED = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path tmp;

    @BeforeAll
    static void seeds() throws IOException {
        seeds = new ArrayList<>();
        try (Stream<Path> s = Files.list(SharedDir.projectDir().resolve(Exporter.DEFAULT_DIR))) {
            s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(seeds::add);
        }
        // the corpus, and Grafana's conversion fixtures: resources with classic and v2 specs
        for (String shared : List.of("dashboards-corpus", "grafana-v2/conversion")) {
            Path dir = SharedDir.projectDir().resolveSibling("shared").resolve(shared);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.walk(dir)) {
                    s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(seeds::add);
                }
            }
        }
    }

    /** One broken dashboard on disk, reproducible from its seed. */
    private record Case(long seed, Path source, JsonNode mutated, Path file) {}

    private Case brokenDashboard(long seed, Path dir) throws IOException {
        Random pick = new Random(seed);
        Path source = seeds.get(pick.nextInt(seeds.size()));
        DashboardMutator mutator = new DashboardMutator(seed, 900);
        JsonNode mutated = mutator.mutate(PARSED.computeIfAbsent(source, ReadingCommandsFuzzTest::parse));
        boolean yaml = pick.nextInt(8) == 0;
        byte[] bytes = mutator.bytes(yaml ? YAML.writeValueAsString(mutated) : Json.MAPPER.writeValueAsString(mutated));
        Files.createDirectories(dir);
        // sometimes named as one of our files, so that diff and export --check compare it with the code
        String name = pick.nextBoolean()
                ? "esgt-deep-dive.json"
                : source.getFileName().toString();
        Path file = dir.resolve(yaml ? name.replace(".json", ".yaml") : name);
        Files.write(file, bytes);
        return new Case(seed, source, mutated, file);
    }

    @Test
    @Timeout(300)
    void thousandsOfBrokenDashboardsAreReadValidatedDiffedAndNormalisedOrRefusedInOneSentence() throws IOException {
        long runSeed = Long.getLong("dash.fuzz.seed", System.nanoTime());
        Validator validator = Validator.withDefaultRules(new EmbeddedCatalogSource().load());
        List<String> failures = new ArrayList<>();
        int read = 0;
        int refused = 0;
        for (int i = 0; i < CASES && failures.size() < 5; i++) {
            Case c = brokenDashboard(runSeed + i, tmp.resolve("case"));
            try {
                DashboardDocument d = DashboardFiles.read(c.file());
                ValidationReport report = validator.validate(List.of(d));
                for (ReportFormat f : ReportFormat.values()) {
                    Reports.render(report, f);
                }
                ObjectNode theirs = d.classic();
                // against the dashboard it was broken from, as a drifted file is diffed against the code
                List<Change> changes = DashboardDiff.compare(
                        DashboardReader.of(PARSED.get(c.source()), "seed").classic(), theirs);
                for (DiffFormat f : DiffFormat.values()) {
                    f.render(changes, "dir", uid -> "dir/" + uid + ".json");
                }
                Json.write(Normalizer.normalize(theirs)); // what pull writes
                read++;
            } catch (DashException e) {
                if (e.exitCode() != 2 || LEAK.matcher(e.getMessage()).find()) {
                    failures.add(failure(c, "exit " + e.exitCode() + ": " + e.getMessage()));
                }
                refused++;
            } catch (RuntimeException | StackOverflowError e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                failures.add(failure(c, trace.toString().lines().limit(12).reduce("", (a, b) -> a + "\n" + b)));
            }
        }
        assertThat(failures)
                .as("run seed %d; replay a case with -Ddash.fuzz.seed=<case seed> -Ddash.fuzz.cases=1", runSeed)
                .isEmpty();
        assertThat(read).as("dashboards read despite the damage").isPositive();
        assertThat(refused).as("dashboards refused in a sentence").isPositive();
    }

    @Test
    @Timeout(600)
    void everyReadingCommandAnswersBrokenDashboardsWithAnExitCodeAndSentences() throws IOException {
        long runSeed = Long.getLong("dash.fuzz.seed", System.nanoTime());
        List<String> failures = new ArrayList<>();
        int[] exits = new int[3];
        try (FakeGrafana grafana = new FakeGrafana()) {
            Map<String, String> env = Map.of("GRAFANA_URL", grafana.url(), "GRAFANA_TOKEN", FakeGrafana.TOKEN);
            for (int i = 0; i < COMMAND_CASES && failures.size() < 5; i++) {
                Path dir = tmp.resolve("case-" + i);
                Case c = brokenDashboard(runSeed + i, dir);
                List<String[]> commands = new ArrayList<>(List.of(
                        new String[] {"validate", c.file().toString()},
                        new String[] {"validate", dir.toString()},
                        new String[] {"diff", "--against", dir.toString()},
                        new String[] {"import", "--from", c.file().toString(), "--dry-run", "--retry-backoff", "1ms"},
                        new String[] {"export", "--check", "--out", dir.toString()}));
                if (c.mutated() instanceof ObjectNode model) {
                    // Grafana serving the broken model: pull writes it as it is, normalised
                    String uid = "fuzz-" + i;
                    model.put("uid", uid);
                    grafana.seedDashboard(model, null);
                    commands.add(new String[] {
                        "pull", "--uid", uid, "--out", tmp.resolve("pulled").toString(), "--retry-backoff", "1ms"
                    });
                }
                for (String[] args : commands) {
                    Cli.Result r = Cli.run(env, args);
                    if (!ANSWERS.contains(r.exit()) || LEAK.matcher(r.all()).find()) {
                        failures.add(failure(
                                c,
                                "dash " + String.join(" ", args) + " exited " + r.exit() + ":\n"
                                        + r.all()
                                                .substring(
                                                        0,
                                                        Math.min(2000, r.all().length()))));
                    } else {
                        exits[r.exit()]++;
                    }
                }
            }
        }
        assertThat(failures)
                .as("run seed %d; replay a case with -Ddash.fuzz.seed=<case seed> -Ddash.fuzz.commandCases=1", runSeed)
                .isEmpty();
        assertThat(exits[2]).as("input errors among the answers").isPositive();
        assertThat(exits[0] + exits[1]).as("dashboards read despite the damage").isPositive();
    }

    private static JsonNode parse(Path file) {
        try {
            return Json.parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String failure(Case c, String what) {
        return "case seed " + c.seed() + " (" + c.source().getFileName() + "): " + what;
    }
}
