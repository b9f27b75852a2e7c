package io.vertice.dash.simulator;

import io.vertice.dash.simulator.Vocabulary.EventType;

/**
 * Arousal (MCEA): an Ornstein-Uhlenbeck process that reverts to the baseline, pushed away from it by need
 * episodes (either way: curiosity raises arousal, fatigue lowers it) and stress episodes (always up), each
 * decaying exponentially. The class follows the bands of {@link ArousalClass}.
 */
final class ArousalModel {
    static final double BASELINE = 0.6;
    static final double MIN_LEVEL = 0.1;
    static final double MAX_LEVEL = 0.95;
    /**
     * Most the level moves in one tick. Below the 0.2 width of the inner bands, so a class change always goes
     * to an adjacent class, which is what {@link ArousalClass#possibleTransitions()} promises.
     */
    static final double MAX_STEP = 0.15;

    private static final double REVERSION_PER_SECOND = 0.08;
    private static final double NOISE = 0.02;
    private static final double NEED_EPISODES_PER_SECOND = 1.0 / 120;
    private static final double STRESS_EPISODES_PER_SECOND = 1.0 / 150;
    private static final double NEED_DECAY_SECONDS = 45;
    private static final double STRESS_DECAY_SECONDS = 30;

    private final RandomSource random;
    private double level;
    private double needPush;
    private double stressPush;

    ArousalModel(RandomSource random) {
        this.random = random;
        this.level = BASELINE + random.uniform(-0.05, 0.05);
    }

    double level() {
        return level;
    }

    ArousalClass arousalClass() {
        return ArousalClass.of(level);
    }

    /** How far stress pushes right now (0 when calm); the fabric fails more under stress. */
    double stress() {
        return stressPush;
    }

    double needRatio() {
        double need = Math.abs(needPush);
        double total = need + stressPush;
        return total < 1e-9 ? 0.5 : need / total;
    }

    /** Advances {@code dt} seconds; counts time in class, transitions and spikes. */
    void step(double dt, SimulatorMetrics.Handles out) {
        ArousalClass before = arousalClass();
        out.stateSeconds.get(before).inc(dt);

        needPush *= Math.exp(-dt / NEED_DECAY_SECONDS);
        stressPush *= Math.exp(-dt / STRESS_DECAY_SECONDS);
        if (random.fires(NEED_EPISODES_PER_SECOND, dt)) {
            double amplitude = random.uniform(0.15, 0.45);
            needPush += random.chance(0.4) ? amplitude : -amplitude; // fatigue (down) is the commoner need
            out.event(EventType.NEED_SPIKE);
        }
        if (random.fires(STRESS_EPISODES_PER_SECOND, dt)) {
            stressPush += random.uniform(0.1, 0.3);
            out.event(EventType.STRESS_SPIKE);
        }

        // Exact discretisation of the OU process: stable for any tick length.
        double target = BASELINE + needPush + stressPush;
        double decay = Math.exp(-REVERSION_PER_SECOND * dt);
        double spread = NOISE * Math.sqrt((1 - decay * decay) / (2 * REVERSION_PER_SECOND));
        double next = target + (level - target) * decay + spread * random.gaussian();
        next = Math.max(level - MAX_STEP, Math.min(level + MAX_STEP, next));
        level = Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, next));

        ArousalClass after = arousalClass();
        if (after != before) {
            out.transitions.get(before.transitionTo(after)).inc();
            out.event(EventType.AROUSAL_TRANSITION);
        }
    }

    void publish(SimulatorMetrics.Handles out) {
        out.arousalLevel.set(level);
        out.arousalBaseline.set(BASELINE);
        ArousalClass current = arousalClass();
        out.arousalState.forEach((c, point) -> point.set(c == current ? 1 : 0));
        double need = needRatio();
        out.needRatio.set(need);
        out.stressRatio.set(1 - need);
    }
}
