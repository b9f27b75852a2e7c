package io.vertice.dash.grafana.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertice.dash.cli.Main;
import io.vertice.dash.grafana.FakeGrafana;
import io.vertice.dash.json.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Imports N dashboards into the fake Grafana with a fixed latency per answer, once with
 * {@code --parallel 1} and once with {@code --parallel 8}, each into a fresh Grafana, and prints the
 * wall times and the speed-up. Every dashboard costs two round trips (read, then save).
 *
 * <p>Run by {@code scripts/bench/import.sh}; arguments: dashboards (100), latency ms (50), runs (3).
 */
public final class ImportBenchmark {
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int latency = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("dash-import-bench");
        List<String> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode d = Json.object()
                    .put("uid", String.format("bench-%03d", i))
                    .put("title", "Bench " + i)
                    .put("schemaVersion", 39);
            d.putArray("panels")
                    .addObject()
                    .put("id", 1)
                    .put("title", "Rate")
                    .put("type", "timeseries")
                    .putArray("targets")
                    .addObject()
                    .put("refId", "A")
                    .put("expr", "rate(maximus_esgt_ignition_events_total[$__rate_interval])");
            Path f = dir.resolve(i + ".json");
            Files.writeString(f, Json.write(d));
            files.add(f.toString());
        }
        time(files, latency, 8); // warm-up: JIT, class loading, WireMock
        long[] serial = new long[runs];
        long[] parallel = new long[runs];
        for (int r = 0; r < runs; r++) {
            serial[r] = time(files, latency, 1);
            parallel[r] = time(files, latency, 8);
        }
        java.util.Arrays.sort(serial);
        java.util.Arrays.sort(parallel);
        long s = serial[runs / 2];
        long p = parallel[runs / 2];
        System.out.printf(
                "dash import: %d dashboards, %d ms latency per answer, median of %d runs%n", count, latency, runs);
        System.out.printf("  --parallel 1: %d ms (%.1f dashboards/s)%n", s, count * 1000.0 / s);
        System.out.printf("  --parallel 8: %d ms (%.1f dashboards/s)%n", p, count * 1000.0 / p);
        System.out.printf("  speed-up: %.1fx (target: at least 4x)%n", (double) s / p);
        for (String f : files) {
            Files.delete(Path.of(f));
        }
        Files.delete(dir);
        if ((double) s / p < 4) {
            System.exit(1);
        }
    }

    private static long time(List<String> files, int latency, int parallel) {
        try (FakeGrafana grafana = new FakeGrafana(latency)) {
            List<String> args = new ArrayList<>(
                    List.of("import", "--url", grafana.url(), "--parallel", Integer.toString(parallel), "--from"));
            args.addAll(files);
            CommandLine cl = Main.commandLine();
            StringWriter out = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(out));
            grafana.expectedAuthorization = null;
            long start = System.nanoTime();
            int exit = cl.execute(args.toArray(String[]::new));
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (exit != 0 || grafana.dashboardCount() != files.size()) {
                throw new IllegalStateException("import failed (exit " + exit + "):\n" + out);
            }
            return ms;
        }
    }
}
