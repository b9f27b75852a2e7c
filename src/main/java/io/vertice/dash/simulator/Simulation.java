package io.vertice.dash.simulator;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.vertice.dash.simulator.SimulatorConfig.Target;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * The simulated cockpit: one model per environment and service, exposed through a registry of its own
 * (never the client's default registry, so several simulations can live in one JVM).
 * <p>
 * Time is simulated, not read from the clock: {@link #step()} advances exactly one tick, so a test can run
 * ten thousand ticks in a moment and the same seed always gives the same values. {@link SimulatorServer}
 * calls {@code step()} on a wall-clock schedule.
 */
public final class Simulation {
    private final SimulatorConfig config;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final ConsistentRegistry registry = new ConsistentRegistry(lock);
    private final List<TargetModel> targets = new ArrayList<>();
    private long ticks;

    public Simulation(SimulatorConfig config) {
        this.config = config;
        SimulatorMetrics metrics = new SimulatorMetrics(registry);
        for (Target t : config.targets()) {
            targets.add(new TargetModel(t, config.seed(), metrics));
        }
        registry.register(new ProcessMetricsPerTarget(config.targets()));
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The registry holding every series; scrapes of it never see a tick half done. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** Ticks run so far. */
    public long ticks() {
        lock.readLock().lock();
        try {
            return ticks;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Advances every target by one tick. */
    public void step() {
        double dt = config.tickSeconds();
        lock.writeLock().lock();
        try {
            double now = ticks * dt;
            for (TargetModel t : targets) {
                t.step(now, dt);
            }
            ticks++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Advances {@code n} ticks. */
    public void step(long n) {
        for (long i = 0; i < n; i++) {
            step();
        }
    }

    /** The arousal level of one target now (for tests and the benchmark; the metrics show the same). */
    public double arousalLevel(String environment, String service) {
        lock.readLock().lock();
        try {
            for (TargetModel t : targets) {
                if (t.target().environment().equals(environment) && t.target().service().equals(service)) {
                    return t.arousalLevel();
                }
            }
        } finally {
            lock.readLock().unlock();
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
