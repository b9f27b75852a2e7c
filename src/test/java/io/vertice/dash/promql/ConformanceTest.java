package io.vertice.dash.promql;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertice.dash.testing.SharedDir;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every row of ../shared/promql-conformance/parse_cases.tsv (expressions from Prometheus's own
 * parser tests) and requires Prometheus's verdict for the core and prometheus3 tiers; experimental rows
 * must either parse or fail saying "not supported".
 */
class ConformanceTest {

    // the expression's raw bytes, as the conformance file holds them (never compared as a value)
    @SuppressWarnings("ArrayRecordComponent")
    record Case(int line, String tier, String verdict, byte[] expression, String display) {}

    static List<Case> load() throws IOException {
        Path file = SharedDir.require("promql-conformance/parse_cases.tsv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Case> cases = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cols = lines.get(i).split("\t", -1);
            cases.add(new Case(i + 1, cols[0], cols[1], unescape(cols[2]), cols[2]));
        }
        return cases;
    }

    /** The README's escapes: \\ backslash, \t \n \r, \xHH one raw byte; everything else is UTF-8 text. */
    static byte[] unescape(String field) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(field.length());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char e = field.charAt(i + 1);
                String literal =
                        switch (e) {
                            case '\\' -> "\\";
                            case 't' -> "\t";
                            case 'n' -> "\n";
                            case 'r' -> "\r";
                            default -> null;
                        };
                if (literal != null) {
                    text.append(literal);
                    i++;
                    continue;
                }
                if (e == 'x' && i + 3 < field.length()) {
                    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                    text.setLength(0);
                    out.write(Integer.parseInt(field.substring(i + 2, i + 4), 16));
                    i += 3;
                    continue;
                }
            }
            text.append(c);
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void everyRowGetsPrometheusVerdict() throws IOException {
        List<Case> cases = load();
        Map<String, int[]> perTier = new LinkedHashMap<>(); // tier -> {rows, matched}
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            String error = null;
            try {
                PromQL.parseUtf8(c.expression());
            } catch (PromqlException e) {
                error = e.getMessage();
            }
            boolean ok;
            if (c.tier().equals("experimental")) {
                ok = error == null || error.contains("not supported");
            } else {
                ok = c.verdict().equals("ok") == (error == null);
            }
            int[] counts = perTier.computeIfAbsent(c.tier(), t -> new int[2]);
            counts[0]++;
            if (ok) {
                counts[1]++;
            } else {
                String shown = c.display().length() > 120 ? c.display().substring(0, 120) + "..." : c.display();
                mismatches.add("line " + c.line() + " [" + c.tier() + ", expected " + c.verdict() + "] " + shown
                        + " -> " + (error == null ? "parsed" : error));
            }
        }
        StringBuilder summary = new StringBuilder();
        perTier.forEach((tier, n) -> summary.append(tier)
                .append(": ")
                .append(n[1])
                .append("/")
                .append(n[0])
                .append(" matched; "));
        assertThat(mismatches)
                .as(summary + "\nmismatches:\n" + String.join("\n", mismatches))
                .isEmpty();
        assertThat(perTier.get("core")[0]).as("core rows read").isEqualTo(462);
    }

    @Test
    void adversarialRowFailsFast() throws IOException {
        Case big = load().stream()
                .filter(c -> c.expression().length == 55_002)
                .findFirst()
                .orElseThrow();
        long t0 = System.nanoTime();
        PromqlException e = org.junit.jupiter.api.Assertions.assertThrows(
                PromqlException.class, () -> PromQL.parseUtf8(big.expression()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("parse time of the 55,002-char row in ms").isLessThan(1000);
        assertThat(e.message()).isNotBlank();
        assertThat(e.excerpt().length()).as("excerpt is cut to a window").isLessThan(300);
    }
}
