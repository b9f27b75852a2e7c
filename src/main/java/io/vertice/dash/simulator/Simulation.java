package io.vertice.dash.simulator;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.vertice.dash.simulator.SimulatorConfig.Target;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The simulated cockpit: one model per environment and service, exposed through a registry of its own
 * (never the client's default registry, so several simulations can live in one JVM).
 * <p>
 * Time is simulated, not read from the clock: {@link #step()} advances exactly one tick, so a test can run
 * ten thousand ticks in a moment and the same seed always gives the same values. {@link SimulatorServer}
 * calls {@code step()} on a wall-clock schedule.
 * <p>
 * The simulated series only change when a tick runs, so scrapes read one snapshot taken after the last tick:
 * a scrape never sees half a tick (two arousal classes set, need + stress ≠ 1), and twenty scrapers between
 * two ticks cost one collection, not twenty.
 */
public final class Simulation {
    private final SimulatorConfig config;
    /** The client metrics the models write to; only {@link TickSnapshot} reads it. */
    private final PrometheusRegistry model = new PrometheusRegistry();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final List<TargetModel> targets = new ArrayList<>();
    private long ticks;
    private MetricSnapshots lastTick;

    public Simulation(SimulatorConfig config) {
        this.config = config;
        SimulatorMetrics metrics = new SimulatorMetrics(model);
        for (Target t : config.targets()) {
            targets.add(new TargetModel(t, config.seed(), metrics));
        }
        registry.register(new TickSnapshot());
        registry.register(new ProcessMetricsPerTarget(config.targets()));
    }

    /** The simulated families as of the last tick, collected at most once per tick. */
    private final class TickSnapshot implements MultiCollector {
        @Override
        public MetricSnapshots collect() {
            synchronized (Simulation.this) {
                if (lastTick == null) {
                    lastTick = model.scrape();
                }
                return lastTick;
            }
        }
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The registry holding every series. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Ticks run so far. */
    public synchronized long ticks() {
        return ticks;
    }

    /** Advances every target by one tick. */
    public synchronized void step() {
        double dt = config.tickSeconds();
        double now = ticks * dt;
        for (TargetModel t : targets) {
            t.step(now, dt);
        }
        ticks++;
        lastTick = null;
    }

    /** Advances {@code n} ticks. */
    public void step(long n) {
        for (long i = 0; i < n; i++) {
            step();
        }
    }

    /** The arousal level of one target now (for tests and the benchmark; the metrics show the same). */
    public synchronized double arousalLevel(String environment, String service) {
        for (TargetModel t : targets) {
            if (t.target().environment().equals(environment)
                    && t.target().service().equals(service)) {
                return t.arousalLevel();
            }
        }
        throw new IllegalArgumentException("no simulated target " + environment + "/" + service);
    }

    /** The Prometheus text format (0.0.4) of the families whose names pass the filter, without HTTP. */
    public String exposition(Predicate<String> familyNames) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(bytes, registry.scrape(familyNames));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The text format of everything, process and JVM metrics included. */
    public String exposition() {
        return exposition(name -> true);
    }
}
