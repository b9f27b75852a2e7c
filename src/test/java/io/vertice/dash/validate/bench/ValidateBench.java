package io.vertice.dash.validate.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.catalog.MetricCatalog;
import io.vertice.dash.catalog.MetricFamily;
import io.vertice.dash.catalog.MetricType;
import io.vertice.dash.document.DashboardDocument;
import io.vertice.dash.document.DashboardReader;
import io.vertice.dash.json.Json;
import io.vertice.dash.validate.ValidationReport;
import io.vertice.dash.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Benchmark: validate 1,000 generated dashboards of 20 panels (files on disk, read and validated) against a
 * 50,000-series catalogue. Prints the cold (first, in a fresh JVM) and warm times.
 * Run by {@code scripts/bench/validate.sh}; arguments: [dashboards] [panels] [series] [warm runs].
 */
public final class ValidateBench {
    private static final String[] ENVIRONMENTS = {"prod", "staging"};
    private static final String[] CODES = {"200", "400", "404", "500", "503"};

    public static void main(String[] args) throws IOException {
        int dashboards = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int panels = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int series = args.length > 2 ? Integer.parseInt(args[2]) : 50_000;
        int warm = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Random random = new Random(42);

        // 2 environments x 5 instances x 5 codes = 50 series per family
        int families = series / 50;
        List<MetricFamily> list = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            Map<String, Set<String>> labels = new LinkedHashMap<>();
            labels.put("environment", new LinkedHashSet<>(List.of(ENVIRONMENTS)));
            labels.put("instance", new LinkedHashSet<>(List.of("a:1", "b:1", "c:1", "d:1", "e:1")));
            labels.put("code", new LinkedHashSet<>(List.of(CODES)));
            labels.put("job", Set.of());
            MetricType type =
                    switch (i % 3) {
                        case 0 -> MetricType.COUNTER;
                        case 1 -> MetricType.GAUGE;
                        default -> MetricType.HISTOGRAM;
                    };
            list.add(new MetricFamily(name(i), type, "Generated family " + i + ".", labels));
        }
        MetricCatalog catalog = MetricCatalog.of(list);

        Path dir = Files.createTempDirectory("dash-validate-bench-");
        List<Path> files = new ArrayList<>();
        int queries = 0;
        for (int d = 0; d < dashboards; d++) {
            ObjectNode dash = dashboard(d, panels, families, random);
            queries += panels * 2;
            Path f = dir.resolve("dash-" + d + ".json");
            Files.writeString(f, Json.write(dash));
            files.add(f);
        }
        System.out.printf(
                "generated %d dashboards x %d panels (%d queries) against %d series (%d families) in %s%n",
                dashboards, panels, queries, families * 50, families, dir);

        var os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run <= warm; run++) {
            long start = System.nanoTime();
            long cpu = os.getProcessCpuTime();
            List<DashboardDocument> inputs = new ArrayList<>(files.size());
            for (Path f : files) {
                inputs.add(DashboardReader.read(f));
            }
            long read = (System.nanoTime() - start) / 1_000_000;
            ValidationReport report = Validator.withDefaultRules(catalog).validate(inputs);
            long ms = (System.nanoTime() - start) / 1_000_000;
            long cpuMs = (os.getProcessCpuTime() - cpu) / 1_000_000;
            System.out.printf(
                    "%s run: %d ms wall (read %d ms + validate %d ms), %d ms CPU; %d findings (%d errors, %d warnings); %.0f queries/s%n",
                    run == 0 ? "cold" : "warm",
                    ms,
                    read,
                    ms - read,
                    cpuMs,
                    report.findings().size(),
                    report.summary().errors(),
                    report.summary().warnings(),
                    report.summary().queries() * 1000.0 / Math.max(1, ms));
        }
        try (var stream = Files.list(dir)) {
            stream.forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(dir);
    }

    private static String name(int i) {
        return "bench_subsystem" + (i % 37) + "_metric" + i
                + switch (i % 3) {
                    case 0 -> "_requests";
                    case 1 -> "_level";
                    default -> "_duration_seconds";
                };
    }

    private static String seriesName(int i) {
        return name(i)
                + switch (i % 3) {
                    case 0 -> "_total";
                    case 1 -> "";
                    default -> "_bucket";
                };
    }

    private static ObjectNode dashboard(int d, int panels, int families, Random random) {
        ObjectNode dash = Json.object();
        dash.put("title", "Bench " + d);
        dash.put("uid", "bench-" + d);
        ArrayNode vars = dash.putObject("templating").putArray("list");
        ObjectNode ds = vars.addObject();
        ds.put("name", "datasource").put("type", "datasource").put("query", "prometheus");
        ObjectNode env = vars.addObject();
        env.put("name", "environment")
                .put("type", "query")
                .put("query", "label_values(" + seriesName(1) + ", environment)");
        ArrayNode list = dash.putArray("panels");
        for (int p = 0; p < panels; p++) {
            ObjectNode panel = list.addObject();
            panel.put("id", p + 1)
                    .put("type", "timeseries")
                    .put("title", "Panel " + p)
                    .put("description", "Generated.");
            panel.putObject("gridPos")
                    .put("x", (p % 2) * 12)
                    .put("y", (p / 2) * 8)
                    .put("w", 12)
                    .put("h", 8);
            panel.putObject("datasource").put("type", "prometheus").put("uid", "${datasource}");
            ArrayNode targets = panel.putArray("targets");
            for (int t = 0; t < 2; t++) {
                int f = random.nextInt(families);
                // one in a hundred queries has a typo, so the rules have something to find
                String metric = random.nextInt(100) == 0 ? seriesName(f) + "x" : seriesName(f);
                String sel = metric + "{environment=\"$environment\", code=~\"5..\"}";
                String expr =
                        switch (f % 3) {
                            case 0 -> "sum by (code, instance) (rate(" + sel + "[$__rate_interval]))";
                            case 1 -> "avg by (instance) (" + sel + ")";
                            default -> "histogram_quantile(0.95, sum by (le, instance) (rate(" + sel
                                    + "[$__rate_interval])))";
                        };
                targets.addObject()
                        .put("refId", t == 0 ? "A" : "B")
                        .put("expr", expr)
                        .put("legendFormat", "{{instance}}");
            }
        }
        return dash;
    }
}
