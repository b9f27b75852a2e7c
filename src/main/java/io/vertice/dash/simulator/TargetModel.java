package io.vertice.dash.simulator;

import io.vertice.dash.simulator.SimulatorConfig.Target;

/** One simulated process (an environment and a service): its arousal, ESGT and TIG models and its series. */
final class TargetModel {
    private final Target target;
    private final SimulatorMetrics.Handles out;
    private final ArousalModel arousal;
    private final EsgtModel esgt;
    private final TigFabric fabric;

    TargetModel(Target target, long seed, SimulatorMetrics metrics) {
        this.target = target;
        this.out = metrics.forTarget(target);
        RandomSource random = new RandomSource(RandomSource.seedFor(seed, target.environment(), target.service()));
        this.fabric = new TigFabric(random);
        this.arousal = new ArousalModel(random);
        this.esgt = new EsgtModel(random);
        publish();
    }

    Target target() {
        return target;
    }

    double arousalLevel() {
        return arousal.level();
    }

    /** Advances the tick that starts at simulated second {@code now} and lasts {@code dt} seconds. */
    void step(double now, double dt) {
        fabric.step(dt, arousal.stress(), out);
        esgt.step(now, dt, arousal.level(), fabric, out);
        arousal.step(dt, out);
        publish();
    }

    private void publish() {
        arousal.publish(out);
        esgt.publish(out);
        fabric.publish(out, esgt.avgCoherence());
    }
}
