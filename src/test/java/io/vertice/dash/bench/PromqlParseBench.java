package io.vertice.dash.bench;

import io.vertice.dash.promql.PromQL;
import io.vertice.dash.promql.PromqlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * PromQL parse benchmark. {@code generate FILE COUNT} writes COUNT dashboard-style expressions
 * (deterministic); {@code inprocess FILE} parses them repeatedly in one JVM and prints expressions/second.
 */
public final class PromqlParseBench {
    private static final String[] COUNTERS = {
        "maximus_arousal_state_seconds_total",
        "maximus_arousal_state_transition_total",
        "maximus_esgt_ignition_events_total",
        "maximus_esgt_failure_total",
        "consciousness_event_total",
        "process_cpu_seconds_total"
    };
    private static final String[] GAUGES = {
        "maximus_arousal_level",
        "maximus_arousal_baseline",
        "maximus_esgt_success_ratio",
        "maximus_esgt_coherence",
        "maximus_tig_nodes_active",
        "maximus_tig_connectivity_ratio",
        "maximus_phi_proxy",
        "process_resident_memory_bytes"
    };
    private static final String[] HISTOGRAMS = {
        "maximus_esgt_duration_seconds",
        "maximus_esgt_ignition_coherence",
        "maximus_esgt_participating_nodes",
        "maximus_esgt_salience_component"
    };
    private static final String[] LABELS = {
        "state", "outcome", "failure_reason", "event_type", "component", "transition"
    };
    private static final String[] WINDOWS = {
        "$__rate_interval", "$__rate_interval", "$__interval", "5m", "1h", "$__range"
    };

    private PromqlParseBench() {}

    public static void main(String[] args) throws IOException {
        if (args.length >= 2 && args[0].equals("generate")) {
            int count = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
            Files.writeString(Path.of(args[1]), String.join("\n", generate(count, 42)) + "\n", StandardCharsets.UTF_8);
        } else if (args.length >= 2 && args[0].equals("inprocess")) {
            inProcess(Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8));
        } else if (args.length == 1 && args[0].equals("deep")) {
            deep();
        } else {
            System.err.println("usage: PromqlParseBench generate FILE [COUNT] | inprocess FILE | deep");
            System.exit(2);
        }
    }

    static List<String> generate(int count, long seed) {
        Random r = new Random(seed);
        List<String> out = new ArrayList<>(count);
        String sel = "{environment=\"$environment\", service_name=~\"$service\"}";
        for (int i = 0; i < count; i++) {
            String c = COUNTERS[r.nextInt(COUNTERS.length)];
            String g = GAUGES[r.nextInt(GAUGES.length)];
            String h = HISTOGRAMS[r.nextInt(HISTOGRAMS.length)];
            String l = LABELS[r.nextInt(LABELS.length)];
            String w = WINDOWS[r.nextInt(WINDOWS.length)];
            String q =
                    switch (r.nextInt(10)) {
                        case 0 -> "sum by (" + l + ") (rate(" + c + sel + "[" + w + "]))";
                        case 1 -> "histogram_quantile(0." + (50 + r.nextInt(50)) + ", sum by (le) (rate(" + h
                                + "_bucket" + sel + "[" + w + "])))";
                        case 2 -> "sum(rate(" + c + "{outcome=\"success\", environment=\"$environment\"}[" + w
                                + "])) / sum(rate(" + c + sel + "[" + w + "]))";
                        case 3 -> g + sel;
                        case 4 -> "(" + g + sel + " - avg_over_time(" + g + sel + "[1h])) / stddev_over_time(" + g + sel
                                + "[1h])";
                        case 5 -> "topk(" + (1 + r.nextInt(10)) + ", sum by (" + l + ") (increase(" + c + sel
                                + "[$__range])))";
                        case 6 -> "maximus_tig_nodes_active" + sel
                                + " / on(environment, service_name) maximus_tig_nodes_configured" + sel + " > bool 0."
                                + r.nextInt(10);
                        case 7 -> "sum(" + h + "_sum" + sel + ") / sum(" + h + "_count" + sel + ") * 100";
                        case 8 -> "label_replace(avg by (environment) (" + g + sel
                                + "), \"env\", \"$1\", \"environment\", \"(.*)\")";
                        default -> "sum without (instance) (irate(" + c + "{" + l
                                + "!=\"\", environment=\"$environment\"}[" + w + "])) or vector(0)";
                    };
            out.add(q);
        }
        return out;
    }

    /**
     * Parses all lines 8 times; per round wall time, this thread's CPU time and its allocated bytes per
     * expression (HotSpot's per-thread counters), then the best round.
     */
    static void inProcess(List<String> lines) {
        int rounds = 8;
        double best = 0;
        long bestCpu = Long.MAX_VALUE;
        long bestBytes = Long.MAX_VALUE;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean hotspot = threads instanceof com.sun.management.ThreadMXBean h ? h : null;
        long self = Thread.currentThread().getId();
        for (int round = 0; round < rounds; round++) {
            long a0 = hotspot != null ? hotspot.getThreadAllocatedBytes(self) : 0;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int invalid = 0;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    PromQL.parseGrafana(line);
                } catch (PromqlException e) {
                    invalid++;
                }
            }
            long wall = System.nanoTime() - t0;
            long cpu = threads.getCurrentThreadCpuTime() - c0;
            long bytes = hotspot != null ? (hotspot.getThreadAllocatedBytes(self) - a0) / lines.size() : -1;
            double rate = lines.size() / (wall / 1e9);
            best = Math.max(best, rate);
            bestCpu = Math.min(bestCpu, cpu);
            bestBytes = Math.min(bestBytes, bytes);
            System.out.printf(
                    "round %d: %,d expressions in %.1f ms wall, %.1f ms CPU, %,d bytes/expression = %,.0f expressions/s (%d invalid)%n",
                    round + 1, lines.size(), wall / 1e6, cpu / 1e6, bytes, rate, invalid);
        }
        System.out.printf(
                "in-process best: %,.0f expressions/s; best CPU %.1f ms; %,d bytes/expression%n",
                best, bestCpu / 1e6, bestBytes);
    }

    /** Parse time of deep and long expressions at two sizes each: linear time means about 10x for 10x the size. */
    static void deep() {
        String[][] cases = {
            {"nested parentheses", "(", "up", ")"},
            {"chained + operators", "", "up", " + up"},
            {"chained ^ operators", "", "2", " ^ 2"},
        };
        for (String[] c : cases) {
            for (int n : new int[] {10_000, 100_000}) {
                String expr = c[1].repeat(n) + c[2] + c[3].repeat(n);
                long best = Long.MAX_VALUE;
                for (int round = 0; round < 5; round++) {
                    long t0 = System.nanoTime();
                    PromQL.parse(expr);
                    best = Math.min(best, System.nanoTime() - t0);
                }
                System.out.printf("%,d %s (%,d characters): best of 5 %.1f ms%n", n, c[0], expr.length(), best / 1e6);
            }
        }
    }
}
