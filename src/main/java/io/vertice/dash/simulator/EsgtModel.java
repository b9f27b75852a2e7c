package io.vertice.dash.simulator;

import io.vertice.dash.simulator.Vocabulary.EventType;
import io.vertice.dash.simulator.Vocabulary.FailureReason;
import io.vertice.dash.simulator.Vocabulary.SalienceComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * ESGT ignitions: attempts arrive as a Poisson process whose rate rises with arousal. Each attempt draws
 * its salience components; it then fails at the first gate it does not pass (refractory period, salience
 * threshold, enough recruited nodes, coherence, timeout), so every failure has exactly one reason.
 */
final class EsgtModel {
    static final double WINDOW_SECONDS = 60;
    private static final double REFRACTORY_SECONDS = 0.1;
    private static final int MIN_NODES = 8;
    private static final double COHERENCE_THRESHOLD = 0.7;
    private static final double TIMEOUT_SECONDS = 2.0;

    private record Attempt(double time, boolean success, double coherence) {}

    private final RandomSource random;
    private final Deque<Attempt> window = new ArrayDeque<>();
    private double lastSuccess = Double.NEGATIVE_INFINITY;
    private double successRatio;
    private double avgCoherence;

    EsgtModel(RandomSource random) {
        this.random = random;
    }

    static double attemptsPerSecond(double arousal) {
        return 0.2 + 2.0 * arousal * arousal;
    }

    double avgCoherence() {
        return avgCoherence;
    }

    /** Runs the attempts of the tick that starts at {@code now} and lasts {@code dt} seconds. */
    void step(double now, double dt, double arousal, TigFabric fabric, SimulatorMetrics.Handles out) {
        int attempts = random.poisson(attemptsPerSecond(arousal) * dt);
        double[] times = new double[attempts];
        for (int i = 0; i < attempts; i++) {
            times[i] = now + random.uniform() * dt;
        }
        Arrays.sort(times);
        for (double t : times) {
            attempt(t, arousal, fabric, out);
        }
        double end = now + dt;
        while (!window.isEmpty() && window.peekFirst().time() < end - WINDOW_SECONDS) {
            window.removeFirst();
        }
        // With no attempt in the window the ratios keep their last value rather than inventing one.
        int successes = 0;
        int coherent = 0;
        double coherenceSum = 0;
        for (Attempt a : window) {
            successes += a.success() ? 1 : 0;
            if (!Double.isNaN(a.coherence())) {
                coherent++;
                coherenceSum += a.coherence();
            }
        }
        if (!window.isEmpty()) {
            successRatio = (double) successes / window.size();
        }
        if (coherent > 0) {
            avgCoherence = coherenceSum / coherent;
        }
    }

    private void attempt(double t, double arousal, TigFabric fabric, SimulatorMetrics.Handles out) {
        double novelty = (random.uniform() + random.uniform()) / 2;
        double relevance = (random.uniform() + random.uniform()) / 2;
        double urgency = clamp01((random.uniform() + random.uniform()) / 2 + 0.5 * (arousal - ArousalModel.BASELINE));
        out.salience.get(SalienceComponent.NOVELTY).observe(novelty);
        out.salience.get(SalienceComponent.RELEVANCE).observe(relevance);
        out.salience.get(SalienceComponent.URGENCY).observe(urgency);
        double salience = 0.4 * novelty + 0.35 * relevance + 0.25 * urgency;

        if (t - lastSuccess < REFRACTORY_SECONDS) {
            fail(t, FailureReason.REFRACTORY_PERIOD, Double.NaN, out);
            return;
        }
        if (salience < 0.33 - 0.1 * (arousal - ArousalModel.BASELINE)) {
            fail(t, FailureReason.SALIENCE_BELOW_THRESHOLD, Double.NaN, out);
            return;
        }
        double recruitChance = 0.15 + 0.75 * salience * fabric.connectivity();
        int nodes = 0;
        for (int i = 0; i < fabric.active(); i++) {
            nodes += random.chance(recruitChance) ? 1 : 0;
        }
        out.participatingNodes.observe(nodes);
        if (nodes < MIN_NODES) {
            fail(t, FailureReason.INSUFFICIENT_NODES, Double.NaN, out);
            return;
        }
        double coherence = clamp01(0.47
                + 0.35 * fabric.connectivity()
                + 0.3 * (salience - 0.5)
                + 0.1 * ((double) nodes / TigFabric.NODES - 0.5)
                + 0.08 * random.gaussian());
        double duration = Math.exp(Math.log(0.12) + 0.9 * random.gaussian()) / Math.max(0.2, fabric.connectivity());
        out.ignitionCoherence.observe(coherence);
        out.duration.observe(Math.min(duration, TIMEOUT_SECONDS));
        if (coherence < COHERENCE_THRESHOLD) {
            fail(t, FailureReason.COHERENCE_NOT_REACHED, coherence, out);
        } else if (duration > TIMEOUT_SECONDS) {
            fail(t, FailureReason.TIMEOUT, coherence, out);
        } else {
            lastSuccess = t;
            window.addLast(new Attempt(t, true, coherence));
            out.ignitionSuccess.inc();
            out.event(EventType.ESGT_IGNITION);
        }
    }

    private void fail(double t, FailureReason reason, double coherence, SimulatorMetrics.Handles out) {
        window.addLast(new Attempt(t, false, coherence));
        out.ignitionFailure.inc();
        out.failures.get(reason).inc();
        out.event(EventType.ESGT_FAILURE);
    }

    private static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }

    void publish(SimulatorMetrics.Handles out) {
        out.successRatio.set(successRatio);
        out.avgCoherence.set(avgCoherence);
    }
}
