package io.vertice.dash.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.simulator.EmbeddedCatalogSource;
import io.vertice.dash.testing.SharedDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code dash validate} over the whole development corpus of public dashboards (../shared/dashboards-corpus),
 * against the embedded catalogue as the CLI uses by default. No error-level finding may belong to a class that
 * is false by what Grafana and Prometheus do (judged here from the dashboard JSON, not by the rules' code), and
 * every real finding recorded before the fixes must still be reported.
 */
@Timeout(120)
class CorpusValidationTest {
    private static Path corpus;
    private static ValidationReport report;
    private static final Map<String, JsonNode> DASHBOARDS = new HashMap<>();

    @BeforeAll
    static void validateTheCorpus() throws IOException {
        corpus = SharedDir.require("dashboards-corpus");
        List<DashboardDocument> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.walk(corpus)) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                DashboardDocument input = DashboardReader.read(f);
                inputs.add(input);
                DASHBOARDS.put(f.toString(), input.classic());
            }
        }
        report = Validator.withDefaultRules(new EmbeddedCatalogSource().load()).validate(inputs);
    }

    @Test
    void noErrorBelongsToAKnownFalseClass() {
        Map<String, List<String>> byClass = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR || f.rule().equals("legend-label")) {
                String falseClass = knownFalseClass(f);
                if (falseClass != null) {
                    byClass.computeIfAbsent(falseClass, k -> new ArrayList<>()).add(Reports.textLine(f));
                }
            }
        }
        assertThat(byClass)
                .as("findings of classes that are false by Grafana's and Prometheus's behaviour")
                .isEmpty();
    }

    @Test
    void everyRecordedTruePositiveIsStillReported() throws IOException {
        Set<String> now = new HashSet<>();
        for (Finding f : report.findings()) {
            if (f.severity() == Severity.ERROR) {
                now.add(String.join("\t", relative(f.file()), nz(f.panel()), nz(f.refId()), f.rule()));
            }
        }
        List<String> lost = rows("true-positives.tsv").stream()
                .filter(r -> !now.contains(r))
                .toList();
        assertThat(rows("true-positives.tsv")).hasSizeGreaterThan(200);
        assertThat(lost)
                .as("real findings no longer reported (file, panel, refId, rule)")
                .isEmpty();
        // the corpus's real kinds, by name: a Prometheus-rejected expression, rate() on a gauge, undefined
        // variables, equality on multi-value variables outside any repeat
        assertThat(now)
                .anyMatch(r -> r.endsWith("\tpromql-syntax") && r.startsWith("mixins-website/"))
                .anyMatch(r -> r.endsWith("\trate-on-gauge"))
                .anyMatch(r -> r.endsWith("\tundefined-variable"))
                .anyMatch(r -> r.endsWith("\tmulti-value-equality"));
    }

    @Test
    void unknownMetricsAreStillReportedPerFile() throws IOException {
        Map<String, Integer> now = new HashMap<>();
        report.findings().stream()
                .filter(f -> f.rule().equals("unknown-metric"))
                .forEach(f -> now.merge(relative(f.file()), 1, Integer::sum));
        for (String row : rows("unknown-metric-counts.tsv")) {
            String[] parts = row.split("\t", -1);
            assertThat(now.getOrDefault(parts[0], 0)).as(parts[0]).isEqualTo(Integer.parseInt(parts[1]));
        }
    }

    @Test
    void duplicatePanelIdsAreFoundInAFixture() throws IOException {
        Path fixture = Path.of("src/test/resources/validate/duplicate-panel-ids.json");
        ValidationReport r = Validator.withDefaultRules(new EmbeddedCatalogSource().load())
                .validate(List.of(DashboardReader.read(fixture)));
        assertThat(r.findings())
                .filteredOn(f -> f.rule().equals("duplicate-panel-id"))
                .extracting(Finding::panelId)
                .containsExactlyInAnyOrder(1, 3);
    }

    // --- the known-false classes, judged from the dashboard JSON ---

    private static final Pattern VARIABLE_IN_MESSAGE = Pattern.compile("variable \\$(\\w+)");
    private static final Pattern USES = Pattern.compile("uses \\$(\\w+)");
    private static final Pattern LEGEND = Pattern.compile("uses \\{\\{(\\w+)}}");
    private static final Pattern OUTER_BY =
            Pattern.compile("^\\w+\\s*by\\s*\\(([^)]*)\\)\\s*\\(|\\)\\s*by\\s*\\(([^)]*)\\)\\s*$");

    /** A panel and the variable its row repeats over. */
    private record Placed(JsonNode panel, String rowRepeat) {}

    private static String knownFalseClass(Finding f) {
        JsonNode d = DASHBOARDS.get(f.file());
        Placed placed = panel(d, f.panelId());
        JsonNode p = placed == null ? null : placed.panel();
        JsonNode target = target(p, f.refId());
        boolean victoriaMetrics = f.file().contains("/victoriametrics/");
        if (target != null
                && target.path("hide").asBoolean(false)
                && !f.rule().equals("promql-syntax")
                && !f.rule().equals("undefined-variable")
                && !f.rule().equals("datasource-hardcoded")) {
            return "a PromQL finding on a hidden target, which Grafana does not send";
        }
        switch (f.rule()) {
            case "multi-value-equality" -> {
                Matcher m = VARIABLE_IN_MESSAGE.matcher(f.message());
                if (m.find()
                        && p != null
                        && (m.group(1).equals(p.path("repeat").asText())
                                || m.group(1).equals(placed.rowRepeat()))) {
                    return "multi-value-equality inside a repeated row or panel";
                }
            }
            case "panel-off-grid" -> {
                if (d.has("rows") && !d.has("panels")) {
                    return "panel-off-grid on a pre-v16 rows[] dashboard";
                }
                if (p != null && p.path("type").asText().equals("row")) {
                    return "panel-off-grid on a row panel";
                }
            }
            case "undefined-variable" -> {
                Matcher m = USES.matcher(f.message());
                if (m.find()) {
                    for (JsonNode input : d.path("__inputs")) {
                        if (input.path("name").asText().equals(m.group(1))) {
                            return "undefined-variable on an __inputs name";
                        }
                    }
                    if (target != null && target.path("expr").asText().contains("\\$" + m.group(1))) {
                        return "undefined-variable on an escaped $";
                    }
                }
            }
            case "promql-syntax" -> {
                if (target != null
                        && (target.path("hide").asBoolean(false)
                                || target.path("expr").asText().isBlank())) {
                    return "promql-syntax on a hidden or empty target";
                }
                if (victoriaMetrics) {
                    return "promql-syntax on a MetricsQL dashboard";
                }
                Matcher m = Pattern.compile("unexpected Grafana variable \"\\$(\\w+)\"")
                        .matcher(f.message());
                if (m.find() && isCustom(d, m.group(1))) {
                    return "promql-syntax on a custom variable standing for PromQL";
                }
            }
            case "histogram-quantile" -> {
                if (victoriaMetrics && f.message().contains("vmrange")) {
                    return "histogram-quantile over VictoriaMetrics' vmrange buckets";
                }
            }
            case "datasource-hardcoded" -> {
                String type = p == null ? "" : p.path("datasource").path("type").asText("");
                if (!type.isEmpty() && !type.contains("prometheus") && !type.equals("datasource")) {
                    return "datasource-hardcoded on a non-Prometheus panel";
                }
            }
            case "unknown-label" -> {
                if (f.message().matches("metric (up|scrape_\\w+) has no label .*")) {
                    return "unknown-label on up or scrape_*";
                }
                if (f.message().contains("(they have: )") || f.message().contains("(its labels: )")) {
                    return "an empty label list in a message";
                }
            }
            case "legend-label" -> {
                Matcher m = LEGEND.matcher(f.message());
                if (f.message().contains("only has .")) {
                    return "an empty label list in a message";
                }
                if (m.find() && target != null && f.message().contains("has no labels")) {
                    Matcher by = OUTER_BY.matcher(target.path("expr").asText().strip());
                    if (by.find()) {
                        String grouping = by.group(1) != null ? by.group(1) : by.group(2);
                        for (String g : grouping.split(",", -1)) {
                            if (g.strip().equals(m.group(1))) {
                                return "legend-label \"has no labels\" on by (...)";
                            }
                        }
                    }
                }
            }
            default -> {}
        }
        return null;
    }

    private static boolean isCustom(JsonNode d, String variable) {
        for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("name").asText().equals(variable)) {
                return v.path("type").asText().equals("custom")
                        || v.path("type").asText().equals("constant");
            }
        }
        return false;
    }

    private static Placed panel(JsonNode d, Integer id) {
        if (id == null) {
            return null;
        }
        String rowRepeat = null;
        for (JsonNode p : d.path("panels")) {
            if (p.path("type").asText().equals("row")) {
                rowRepeat = p.path("repeat").asText(null);
                if (p.path("id").asInt(-1) == id) {
                    return new Placed(p, null);
                }
                for (JsonNode c : p.path("panels")) {
                    if (c.path("id").asInt(-1) == id) {
                        return new Placed(c, p.path("repeat").asText(null));
                    }
                }
            } else if (p.path("id").asInt(-1) == id) {
                return new Placed(p, rowRepeat);
            }
        }
        for (JsonNode r : d.path("rows")) {
            for (JsonNode c : r.path("panels")) {
                if (c.path("id").asInt(-1) == id) {
                    return new Placed(c, r.path("repeat").asText(null));
                }
            }
        }
        return null;
    }

    private static JsonNode target(JsonNode panel, String refId) {
        if (panel == null || refId == null) {
            return null;
        }
        for (JsonNode t : panel.path("targets")) {
            if (refId.equals(t.path("refId").asText(null))) {
                return t;
            }
        }
        return null;
    }

    private static String relative(String file) {
        return corpus.relativize(Path.of(file)).toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<String> rows(String resource) throws IOException {
        try (var in = CorpusValidationTest.class.getResourceAsStream("/corpus/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .toList();
        }
    }
}
