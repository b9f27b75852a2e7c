package io.vertice.dash.simulator;

import io.vertice.dash.simulator.Vocabulary.EventType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The TIG fabric: 32 nodes on a small-world graph (a ring lattice plus seeded shortcuts). Nodes drop out
 * (more often under stress) and recover; connectivity is the share of configured edges whose two ends are up,
 * integration the share of nodes in the largest live component weighted by connectivity.
 */
final class TigFabric {
    static final int NODES = 32;
    private static final int RING_NEIGHBOURS = 3;
    private static final int SHORTCUTS = 16;
    private static final double FAILURES_PER_NODE_SECOND = 1.0 / 600;
    private static final double RECOVERIES_PER_NODE_SECOND = 1.0 / 25;

    private final RandomSource random;
    private final int[][] edges;
    private final boolean[] up = new boolean[NODES];
    private int active = NODES;
    private double connectivity = 1;
    private double integration = 1;

    TigFabric(RandomSource random) {
        this.random = random;
        Set<Long> pairs = new LinkedHashSet<>();
        for (int a = 0; a < NODES; a++) {
            for (int d = 1; d <= RING_NEIGHBOURS; d++) {
                pairs.add(pair(a, (a + d) % NODES));
            }
        }
        while (pairs.size() < NODES * RING_NEIGHBOURS + SHORTCUTS) {
            int a = random.nextInt(NODES);
            int b = random.nextInt(NODES);
            if (a != b) {
                pairs.add(pair(a, b));
            }
        }
        List<int[]> list = new ArrayList<>();
        for (long p : pairs) {
            list.add(new int[] {(int) (p >> 32), (int) p});
        }
        edges = list.toArray(new int[0][]);
        java.util.Arrays.fill(up, true);
        recompute();
    }

    private static long pair(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }

    int active() {
        return active;
    }

    double connectivity() {
        return connectivity;
    }

    double integration() {
        return integration;
    }

    void step(double dt, double stress, SimulatorMetrics.Handles out) {
        double failureRate = FAILURES_PER_NODE_SECOND * (1 + 3 * stress);
        boolean changed = false;
        for (int n = 0; n < NODES; n++) {
            if (up[n] && random.fires(failureRate, dt)) {
                up[n] = false;
                changed = true;
                out.event(EventType.TIG_NODE_DOWN);
            } else if (!up[n] && random.fires(RECOVERIES_PER_NODE_SECOND, dt)) {
                up[n] = true;
                changed = true;
                out.event(EventType.TIG_NODE_UP);
            }
        }
        if (changed) {
            recompute();
        }
    }

    private void recompute() {
        int count = 0;
        for (boolean u : up) {
            count += u ? 1 : 0;
        }
        active = count;
        int live = 0;
        int[] parent = new int[NODES];
        for (int i = 0; i < NODES; i++) {
            parent[i] = i;
        }
        for (int[] e : edges) {
            if (up[e[0]] && up[e[1]]) {
                live++;
                parent[find(parent, e[0])] = find(parent, e[1]);
            }
        }
        connectivity = (double) live / edges.length;
        int[] size = new int[NODES];
        int largest = 0;
        for (int n = 0; n < NODES; n++) {
            if (up[n]) {
                largest = Math.max(largest, ++size[find(parent, n)]);
            }
        }
        integration = (double) largest / NODES * (0.7 + 0.3 * connectivity);
    }

    private static int find(int[] parent, int n) {
        while (parent[n] != n) {
            parent[n] = parent[parent[n]];
            n = parent[n];
        }
        return n;
    }

    void publish(SimulatorMetrics.Handles out, double avgCoherence) {
        out.nodesActive.set(active);
        out.nodesConfigured.set(NODES);
        out.connectivity.set(connectivity);
        out.integration.set(integration);
        out.phiProxy.set(integration * (0.5 + 0.5 * avgCoherence));
    }
}
