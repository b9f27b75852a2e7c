package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real Prometheus parser: random expressions (valid ones, type errors and
 * character-level mutations) are checked by {@code promtool check rules} (Prometheus 2.42, installed
 * from Debian) and by dash; the verdicts must agree. The generator avoids what Prometheus 3 added on
 * purpose (bare-number durations, quoted names, new functions), where 2.42 rightly differs.
 */
@Timeout(600) // per test: the tests here start servers or processes
class PromtoolDifferentialTest {
    private static final int CASES = Integer.getInteger("dash.differential.cases", 3000);
    private static final String[] METRICS = {
        "up",
        "foo",
        "http_requests_total",
        "node:cpu:rate5m",
        "sum",
        "min",
        "offset",
        "by",
        "start",
        "end",
        "bool_metric"
    };
    private static final String[] LABELS = {"job", "instance", "le", "state", "and", "on", "offset", "bool"};
    private static final String[] STABLE_2_42 = {
        "abs",
        "absent",
        "absent_over_time",
        "acos",
        "avg_over_time",
        "ceil",
        "changes",
        "clamp",
        "clamp_max",
        "clamp_min",
        "count_over_time",
        "day_of_month",
        "day_of_week",
        "days_in_month",
        "deg",
        "delta",
        "deriv",
        "exp",
        "floor",
        "histogram_count",
        "histogram_sum",
        "histogram_fraction",
        "histogram_quantile",
        "holt_winters",
        "hour",
        "idelta",
        "increase",
        "irate",
        "label_join",
        "label_replace",
        "last_over_time",
        "ln",
        "log10",
        "log2",
        "max_over_time",
        "min_over_time",
        "minute",
        "month",
        "pi",
        "predict_linear",
        "present_over_time",
        "quantile_over_time",
        "rad",
        "rate",
        "resets",
        "round",
        "scalar",
        "sgn",
        "sin",
        "sort",
        "sort_desc",
        "sqrt",
        "stddev_over_time",
        "stdvar_over_time",
        "sum_over_time",
        "time",
        "timestamp",
        "vector",
        "year"
    };
    private static final String[] AGGREGATIONS = {
        "sum", "avg", "count", "min", "max", "group", "stddev", "stdvar", "topk", "bottomk", "quantile", "count_values"
    };
    private static final String[] OPS = {
        "+", "-", "*", "/", "%", "^", "==", "!=", ">", "<", ">=", "<=", "and", "or", "unless", "atan2"
    };
    private static final String MUTATION_CHARS = "(){}[],:=!~\"'+-*/^ 0159.emhsxabyz@#`\\_<>%";

    private final Random random = new Random(Long.getLong("dash.differential.seed", 20261124L));

    @Test
    @Timeout(300)
    void dashAgreesWithPromtoolOnGeneratedExpressions(@TempDir Path dir) throws Exception {
        assumePromtool();
        List<String> exprs = new ArrayList<>();
        while (exprs.size() < CASES) {
            String e = expr(0);
            if (random.nextInt(3) == 0) {
                e = mutate(e);
            }
            if (!e.isBlank() && !e.contains("\n") && !e.contains("\r")) {
                exprs.add(e);
            }
        }
        Map<Integer, String> promtoolErrors = promtool(dir, exprs);
        List<String> disagreements = new ArrayList<>();
        int agreedValid = 0;
        int agreedInvalid = 0;
        for (int i = 0; i < exprs.size(); i++) {
            String promErr = promtoolErrors.get(i + 1);
            if (promErr != null
                    && (promErr.contains("missing unit character in duration")
                            || promErr.contains("expected duration")
                            || promErr.contains("unexpected duration"))) {
                continue; // numbers as durations and durations as numbers: Prometheus 3 accepts them, 2.42 not
            }
            String dashErr = null;
            try {
                PromQL.parse(exprs.get(i));
            } catch (PromqlException e) {
                dashErr = e.getMessage();
            }
            if ((promErr == null) != (dashErr == null)) {
                disagreements.add(exprs.get(i) + "\n    promtool: " + (promErr == null ? "ok" : promErr)
                        + "\n    dash:     " + (dashErr == null ? "ok" : dashErr));
            } else if (promErr == null) {
                agreedValid++;
            } else {
                agreedInvalid++;
            }
        }
        assertThat(disagreements)
                .as(
                        "agreed on %d valid and %d invalid; disagreements:%n%s",
                        agreedValid, agreedInvalid, String.join("\n", disagreements))
                .isEmpty();
        assertThat(agreedValid)
                .as("the generator produces valid expressions too")
                .isGreaterThan(100);
        assertThat(agreedInvalid).as("and invalid ones").isGreaterThan(100);
    }

    /**
     * The named cases of ParserTest that promtool 2.42 can judge: RE2 regex verdicts, and expressions
     * nested 10,000 deep or chaining 20,000 operators. Each must get promtool's verdict from dash.
     */
    @Test
    @Timeout(120)
    void namedCasesGetPromtoolsVerdict(@TempDir Path dir) throws Exception {
        assumePromtool();
        List<String> names = new ArrayList<>();
        List<String> exprs = new ArrayList<>();
        ParserTest.labelRegexes().forEach(a -> {
            names.add("regex " + a.get()[0]);
            exprs.add("foo{a=~\"" + a.get()[1] + "\"}");
        });
        // promtool takes time quadratic in the length of an operator chain (over a minute for 100,000), so
        // chains are checked against it at 20,000; ParserTest covers 100,000 in dash alone
        Map<String, String> deep = Map.of(
                "10,000 nested parentheses", "(".repeat(10_000) + "1" + ")".repeat(10_000),
                "10,000 nested calls", "abs(".repeat(10_000) + "up" + ")".repeat(10_000),
                "10,000 nested aggregations", "sum by (job) (".repeat(10_000) + "up" + ")".repeat(10_000),
                "20,000 chained + operators", "up" + " + up".repeat(20_000),
                "20,000 chained ^ (right-associative)", "2" + " ^ 2".repeat(20_000),
                "20,000 unary minus signs", "-".repeat(20_000) + "up");
        deep.forEach((name, expr) -> {
            names.add(name);
            exprs.add(expr);
        });
        Map<Integer, String> promtoolErrors = promtool(dir, exprs);
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < exprs.size(); i++) {
            String dashErr = null;
            try {
                PromQL.parse(exprs.get(i));
            } catch (PromqlException e) {
                dashErr = e.getMessage();
            }
            String promErr = promtoolErrors.get(i + 1);
            if ((promErr == null) != (dashErr == null)) {
                disagreements.add(names.get(i) + ": promtool " + (promErr == null ? "ok" : promErr) + ", dash "
                        + (dashErr == null ? "ok" : dashErr));
            }
        }
        assertThat(disagreements).as("cases where dash and promtool disagree").isEmpty();
        assertThat(promtoolErrors).as("promtool rejected the bad regexes").hasSizeGreaterThanOrEqualTo(10);
    }

    private static void assumePromtool() {
        Assumptions.assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/promtool")),
                "skipped: /usr/bin/promtool is absent (install the Debian package prometheus; CI has it)");
    }

    /** Runs promtool over one rules file with one recording rule per expression; returns rule number -> error. */
    private static Map<Integer, String> promtool(Path dir, List<String> exprs)
            throws IOException, InterruptedException {
        StringBuilder yaml = new StringBuilder("groups:\n- name: g\n  rules:\n");
        for (int i = 0; i < exprs.size(); i++) {
            yaml.append("  - record: r")
                    .append(i + 1)
                    .append("\n    expr: '")
                    .append(exprs.get(i).replace("'", "''"))
                    .append("'\n");
        }
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        Path output = dir.resolve("promtool.out");
        Process p = new ProcessBuilder("/usr/bin/promtool", "check", "rules", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS))
                    .as("promtool finished within 90 s")
                    .isTrue();
        } finally {
            p.destroyForcibly(); // this PID only: the promtool this test started
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(out).as("promtool read the file").doesNotContain("yaml:");
        Map<Integer, String> errors = new HashMap<>();
        Matcher m = Pattern.compile("rule (\\d+), \"r\\d+\": (.*)").matcher(out);
        while (m.find()) {
            errors.put(Integer.parseInt(m.group(1)), m.group(2));
        }
        return errors;
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String duration() {
        return switch (random.nextInt(6)) {
            case 0 -> (1 + random.nextInt(59)) + "s";
            case 1 -> (1 + random.nextInt(59)) + "m";
            case 2 -> "1h30m";
            case 3 -> (1 + random.nextInt(900)) + "ms";
            case 4 -> (1 + random.nextInt(3)) + "d";
            default -> "2w";
        };
    }

    private String number() {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(random.nextInt(100));
            case 1 -> "0." + random.nextInt(100);
            case 2 -> "0x" + Integer.toHexString(random.nextInt(4096));
            case 3 -> random.nextInt(9) + "e" + (random.nextInt(5) - 2);
            case 4 -> "Inf";
            case 5 -> "0" + random.nextInt(8) + random.nextInt(8);
            default -> "NaN";
        };
    }

    private String selector() {
        StringBuilder sb = new StringBuilder(pick(METRICS));
        if (random.nextBoolean()) {
            sb.append('{');
            int n = random.nextInt(3);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                sb.append(pick(LABELS))
                        .append(pick(new String[] {"=", "!=", "=~", "!~"}))
                        .append(pick(new String[] {"\"a\"", "\"\"", "'b.*'", "\".+\"", "`c`", "\"x|y\""}));
            }
            sb.append('}');
        }
        return sb.toString();
    }

    private String modifiers(String e) {
        if (random.nextInt(5) == 0) {
            e += " offset " + (random.nextBoolean() ? "-" : "") + duration();
        }
        if (random.nextInt(6) == 0) {
            e += " @ " + pick(new String[] {"start()", "end()", "1600000000", "-5", "1.5"});
        }
        return e;
    }

    private String labelList() {
        StringBuilder sb = new StringBuilder("(");
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
            sb.append(i > 0 ? ", " : "").append(pick(LABELS));
        }
        return sb.append(")").toString();
    }

    // one case per kind of expression, some sharing a body: a table reads better as case labels
    @SuppressWarnings("StatementSwitchToExpressionSwitch")
    private String expr(int depth) {
        int choice = depth > 3 ? random.nextInt(4) : random.nextInt(13);
        switch (choice) {
            case 0:
                return modifiers(selector());
            case 1:
                return number();
            case 2:
                return modifiers(selector() + "[" + duration() + "]");
            case 3:
                return random.nextInt(3) == 0
                        ? pick(new String[] {
                            "\"str\"",
                            "'a\\'b'",
                            "\"\\x41\\101\\u00e9\"",
                            "`raw\\q`",
                            "\"\\U0001F600\"",
                            "\"\\q\"",
                            "\"tab\\t\"",
                            "'\\\"'",
                            "\"\\xZZ\""
                        })
                        : selector();
            case 4:
            case 5: {
                String f = pick(STABLE_2_42);
                int args = random.nextInt(4);
                StringBuilder sb = new StringBuilder(f).append('(');
                for (int i = 0; i < args; i++) {
                    sb.append(i > 0 ? ", " : "").append(expr(depth + 1));
                }
                return sb.append(')').toString();
            }
            case 6: {
                String a = pick(AGGREGATIONS);
                String grouping =
                        random.nextBoolean() ? "" : (random.nextBoolean() ? " by " : " without ") + labelList();
                String body = random.nextInt(3) == 0 ? expr(depth + 1) + ", " + expr(depth + 1) : expr(depth + 1);
                return random.nextBoolean() ? a + grouping + " (" + body + ")" : a + "(" + body + ")" + grouping;
            }
            case 7:
            case 8: {
                String op = pick(OPS);
                String mod = "";
                if (random.nextInt(4) == 0) {
                    mod += " bool";
                }
                if (random.nextInt(3) == 0) {
                    mod += (random.nextBoolean() ? " on" : " ignoring") + labelList();
                    if (random.nextInt(3) == 0) {
                        mod += random.nextBoolean() ? " group_left" : " group_right" + labelList();
                    }
                }
                return expr(depth + 1) + " " + op + mod + " " + expr(depth + 1);
            }
            case 9:
                return (random.nextBoolean() ? "-" : "+") + expr(depth + 1);
            case 10:
                return "(" + expr(depth + 1) + ")";
            case 11:
                return modifiers(
                        expr(depth + 1) + "[" + duration() + ":" + (random.nextBoolean() ? duration() : "") + "]");
            default:
                return random.nextBoolean()
                        ? "rate(" + selector() + "[" + duration() + "])"
                        : "label_replace(" + expr(depth + 1) + ", \"dst\", \"$1\", \"src\", \"(.*)\")";
        }
    }

    private String mutate(String e) {
        if (e.isEmpty()) {
            return e;
        }
        int at = random.nextInt(e.length());
        return switch (random.nextInt(3)) {
            case 0 -> e.substring(0, at) + e.substring(at + 1);
            case 1 -> e.substring(0, at)
                    + MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length()))
                    + e.substring(at);
            default -> e.substring(0, at)
                    + MUTATION_CHARS.charAt(random.nextInt(MUTATION_CHARS.length()))
                    + e.substring(at + 1);
        };
    }
}
