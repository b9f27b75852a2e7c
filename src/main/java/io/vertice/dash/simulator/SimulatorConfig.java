package io.vertice.dash.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the simulator simulates: its seed, its tick, how much faster than real time it runs, and which
 * environments and services it plays. Immutable; {@link #defaults()} is the SPEC §2 setup.
 *
 * @param seed         the seed every random choice derives from; the same seed gives the same values tick for tick
 * @param tick         simulated time per step
 * @param speed        steps per tick of wall time (1 = real time, 60 = one simulated minute per second)
 * @param environments the {@code environment} label values
 * @param services     how many services each environment runs: {@code maximus-core}, {@code maximus-core-2}, ...
 */
public record SimulatorConfig(long seed, Duration tick, double speed, List<String> environments, int services) {

    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    public static final List<String> DEFAULT_ENVIRONMENTS = List.of("prod", "staging");
    public static final String SERVICE = "maximus-core";

    /**
     * The most services per environment one simulator serves well: 100 are about 21,500 series per
     * environment, scraped in about a second on a busy 2-core machine (RSS under 400 MB); beyond that
     * scrapes approach Prometheus's timeout, and 100,000 took 3 GB without ever serving.
     */
    public static final int MAX_SERVICES = 100;
    /**
     * The fastest speed: a simulated hour per second. Faster, the ticker falls behind on a busy machine
     * and drops ticks (it catches up at most 10,000 at a time), so the speed asked for is not the speed run.
     */
    public static final int MAX_SPEED = 3600;

    private static final Pattern LABEL_VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public SimulatorConfig {
        if (tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException(
                    "the tick must be a positive duration, got " + (tick == null ? "none" : tick.toMillis() + "ms"));
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("the speed must be a positive number, got " + plain(speed));
        }
        if (speed > MAX_SPEED) {
            throw new IllegalArgumentException(
                    "the speed must be at most " + plain(MAX_SPEED) + " (a simulated hour per second), got "
                            + plain(speed) + "; faster, the simulator falls behind and drops ticks");
        }
        if (services < 1) {
            throw new IllegalArgumentException("the number of services must be at least 1, got " + services);
        }
        if (services > MAX_SERVICES) {
            throw new IllegalArgumentException("the number of services must be at most " + MAX_SERVICES
                    + " per environment, got " + services + "; more series than one simulator serves in a scrape");
        }
        if (environments == null || environments.isEmpty()) {
            throw new IllegalArgumentException("at least one environment is needed");
        }
        for (String e : environments) {
            if (e == null || !LABEL_VALUE.matcher(e).matches()) {
                throw new IllegalArgumentException(
                        "environment '" + e + "' is not a plain name (letters, digits, '_', '.', '-')");
            }
        }
        if (new LinkedHashSet<>(environments).size() != environments.size()) {
            throw new IllegalArgumentException("environments must be distinct, got " + String.join(",", environments));
        }
        environments = List.copyOf(environments);
    }

    /** 60, 0.5 or 1000000: a number as written, never Java's 1.0E6. */
    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** Seed 42, 1 s tick, real time, {@code prod} and {@code staging} of {@code maximus-core}. */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(DEFAULT_SEED, DEFAULT_TICK, 1.0, DEFAULT_ENVIRONMENTS, 1);
    }

    public SimulatorConfig withSeed(long newSeed) {
        return new SimulatorConfig(newSeed, tick, speed, environments, services);
    }

    public SimulatorConfig withTick(Duration newTick) {
        return new SimulatorConfig(seed, newTick, speed, environments, services);
    }

    public SimulatorConfig withSpeed(double newSpeed) {
        return new SimulatorConfig(seed, tick, newSpeed, environments, services);
    }

    public SimulatorConfig withEnvironments(List<String> newEnvironments) {
        return new SimulatorConfig(seed, tick, speed, newEnvironments, services);
    }

    public SimulatorConfig withServices(int newServices) {
        return new SimulatorConfig(seed, tick, speed, environments, newServices);
    }

    /** The {@code service_name} values: {@code maximus-core}, then {@code maximus-core-2}, {@code -3}, ... */
    public List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= services; i++) {
            names.add(i == 1 ? SERVICE : SERVICE + "-" + i);
        }
        return names;
    }

    /** Every simulated target (one per environment and service), environments first, in a stable order. */
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (String env : environments) {
            for (String service : serviceNames()) {
                out.add(new Target(env, service));
            }
        }
        return out;
    }

    /** Simulated seconds per step. */
    public double tickSeconds() {
        return tick.toNanos() / 1e9;
    }

    /** One simulated process: an environment and a service. */
    public record Target(String environment, String service) {}
}
