package io.vertice.dash.validate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Renders a {@link ValidationReport} as text, JSON, GitHub workflow commands or JUnit XML. */
public final class Reports {
    private Reports() {}

    public static String render(ValidationReport report, ReportFormat format) {
        return render(report, format, false);
    }

    /** As above; {@code verbose} text also lists the excluded findings. */
    public static String render(ValidationReport report, ReportFormat format, boolean verbose) {
        return switch (format) {
            case TEXT -> text(report, verbose);
            case JSON -> json(report);
            case GITHUB -> github(report);
            case JUNIT -> junit(report);
        };
    }

    /** One line per finding, then the summary line. */
    public static String text(ValidationReport report) {
        return text(report, false);
    }

    /** As {@link #text(ValidationReport)}; with {@code listExcluded}, also each excluded finding and why. */
    public static String text(ValidationReport report, boolean listExcluded) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            b.append(textLine(f)).append('\n');
        }
        if (listExcluded) {
            for (ValidationReport.Excluded e : report.excluded()) {
                b.append("excluded (")
                        .append(e.by().where())
                        .append(": ")
                        .append(e.by().reason())
                        .append("): ")
                        .append(textLine(e.finding()))
                        .append('\n');
            }
        }
        return b.append(summaryLine(report)).append('\n').toString();
    }

    /** {@code file: dashboard › panel › refId: severity rule: message (line L, column C)}. */
    public static String textLine(Finding f) {
        return f.location() + ": " + f.severity().word() + " " + f.rule() + ": " + f.message()
                + (f.line() == null ? "" : " (line " + f.line() + ", column " + f.column() + ")");
    }

    /** "3 dashboards, 40 panels, 61 queries: 0 errors, 1 warning, 2 infos". */
    public static String summaryLine(ValidationReport report) {
        ValidationReport.Summary s = report.summary();
        long infos = report.findings().stream()
                .filter(f -> f.severity() == Severity.INFO)
                .count();
        return plural(s.dashboards(), "dashboard") + ", " + plural(s.panels(), "panel") + ", "
                + plural(s.queries(), "query")
                + ": " + plural(s.errors(), "error") + ", " + plural(s.warnings(), "warning") + ", "
                + plural(infos, "info")
                + (s.excludedCount() > 0 ? ", " + s.excludedCount() + " excluded by configuration" : "");
    }

    private static String plural(long n, String word) {
        if (n == 1) {
            return n + " " + word;
        }
        return n + " " + (word.endsWith("y") ? word.substring(0, word.length() - 1) + "ies" : word + "s");
    }

    /** {@code {"findings": [...], "summary": {...}}}, byte-stable. */
    public static String json(ValidationReport report) {
        ObjectNode root = Json.object();
        ArrayNode findings = root.putArray("findings");
        for (Finding f : report.findings()) {
            ObjectNode o = findings.addObject();
            o.put("file", f.file());
            o.put("dashboard", f.dashboard());
            o.put("panel", f.panel());
            o.put("panelId", f.panelId());
            o.put("refId", f.refId());
            o.put("rule", f.rule());
            o.put("severity", f.severity().word());
            o.put("message", f.message());
            o.put("line", f.line());
            o.put("column", f.column());
        }
        ValidationReport.Summary s = report.summary();
        ObjectNode summary = root.putObject("summary");
        summary.put("dashboards", s.dashboards());
        summary.put("panels", s.panels());
        summary.put("queries", s.queries());
        summary.put("errors", s.errors());
        summary.put("warnings", s.warnings());
        summary.put("excluded", s.excludedCount());
        return Json.write(root);
    }

    /** GitHub Actions workflow commands: one annotation per finding on the dashboard file. */
    public static String github(ValidationReport report) {
        StringBuilder b = new StringBuilder();
        for (Finding f : report.findings()) {
            String level =
                    switch (f.severity()) {
                        case ERROR -> "error";
                        case WARNING -> "warning";
                        case INFO -> "notice";
                    };
            String where = f.dashboard()
                    + (f.panel() == null ? "" : " › " + f.panel())
                    + (f.panelId() == null ? "" : " (id " + f.panelId() + ")")
                    + (f.refId() == null ? "" : " › " + f.refId());
            String position =
                    f.line() == null ? "" : " (line " + f.line() + ", column " + f.column() + " of the query)";
            b.append("::")
                    .append(level)
                    .append(" file=")
                    .append(property(f.file()))
                    .append(",title=")
                    .append(property(f.rule() + ": " + where))
                    .append("::")
                    .append(data(f.message() + position))
                    .append('\n');
        }
        return b.append(summaryLine(report)).append('\n').toString();
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    /**
     * JUnit XML: a testsuite per dashboard, a testcase per query (or per panel without queries, or for the
     * dashboard itself when a finding concerns it); error findings are failures, the rest goes to system-out.
     */
    public static String junit(ValidationReport report) {
        Map<String, Map<List<String>, List<Finding>>> suites = new LinkedHashMap<>();
        Map<String, String> files = new LinkedHashMap<>();
        for (ValidationReport.Checked c : report.checked()) {
            String suite = suiteKey(c.file(), c.dashboard());
            files.put(suite, c.file());
            suites.computeIfAbsent(suite, k -> new LinkedHashMap<>())
                    .computeIfAbsent(Arrays.asList(c.panel(), c.refId()), k -> new ArrayList<>());
        }
        for (Finding f : report.findings()) {
            String suite = suiteKey(f.file(), f.dashboard());
            files.putIfAbsent(suite, f.file());
            suites.computeIfAbsent(suite, k -> new LinkedHashMap<>())
                    .computeIfAbsent(Arrays.asList(f.panel(), f.refId()), k -> new ArrayList<>())
                    .add(f);
        }
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        int tests = suites.values().stream().mapToInt(Map::size).sum();
        long failures = suites.values().stream()
                .flatMap(m -> m.values().stream())
                .filter(l -> l.stream().anyMatch(f -> f.severity() == Severity.ERROR))
                .count();
        b.append("<testsuites name=\"dash validate\" tests=\"")
                .append(tests)
                .append("\" failures=\"")
                .append(failures)
                .append("\">\n");
        suites.forEach((suite, cases) -> {
            String dashboard = suite.substring(suite.indexOf('\u0000') + 1);
            long suiteFailures = cases.values().stream()
                    .filter(l -> l.stream().anyMatch(f -> f.severity() == Severity.ERROR))
                    .count();
            b.append("  <testsuite name=\"")
                    .append(xml(dashboard))
                    .append("\" tests=\"")
                    .append(cases.size())
                    .append("\" failures=\"")
                    .append(suiteFailures)
                    .append("\" errors=\"0\" skipped=\"0\" file=\"")
                    .append(xml(files.get(suite)))
                    .append("\">\n");
            cases.forEach((key, found) -> {
                String panel = key.get(0);
                String refId = key.get(1);
                String name = panel == null ? "dashboard" : refId == null ? panel : panel + " › " + refId;
                b.append("    <testcase classname=\"")
                        .append(xml(dashboard))
                        .append("\" name=\"")
                        .append(xml(name))
                        .append('"');
                if (found.isEmpty()) {
                    b.append("/>\n");
                    return;
                }
                b.append(">\n");
                List<Finding> errors = found.stream()
                        .filter(f -> f.severity() == Severity.ERROR)
                        .toList();
                if (!errors.isEmpty()) {
                    b.append("      <failure type=\"")
                            .append(xml(errors.get(0).rule()))
                            .append("\" message=\"")
                            .append(xml(errors.get(0).message()))
                            .append("\">");
                    errors.forEach(f -> b.append(xml(line(f))).append('\n'));
                    b.append("</failure>\n");
                }
                List<Finding> others = found.stream()
                        .filter(f -> f.severity() != Severity.ERROR)
                        .toList();
                if (!others.isEmpty()) {
                    b.append("      <system-out>");
                    others.forEach(f -> b.append(xml(line(f))).append('\n'));
                    b.append("</system-out>\n");
                }
                b.append("    </testcase>\n");
            });
            b.append("  </testsuite>\n");
        });
        return b.append("</testsuites>\n").toString();
    }

    private static String suiteKey(String file, String dashboard) {
        return Objects.toString(file, "") + '\u0000' + Objects.toString(dashboard, "");
    }

    private static String line(Finding f) {
        return f.severity().word() + " " + f.rule() + ": " + f.message()
                + (f.line() == null ? "" : " (line " + f.line() + ", column " + f.column() + ")");
    }

    private static String xml(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (c < 0x20 && c != '\t') {
                        b.append(' '); // not allowed in XML 1.0
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
