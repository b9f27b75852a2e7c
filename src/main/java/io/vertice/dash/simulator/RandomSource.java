package io.vertice.dash.simulator;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Seeded randomness with the few distributions the models draw from. One per target, so targets never interleave. */
final class RandomSource {
    private final SplittableRandom random;

    RandomSource(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seed of one target: the run's seed mixed with the target's name, stable across JVMs. */
    static long seedFor(long seed, String environment, String service) {
        long h = 1125899906842597L;
        for (byte b : (environment + "/" + service).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return mix(seed ^ mix(h));
    }

    /** SplitMix64 finaliser: spreads nearby seeds far apart. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Standard normal (Box-Muller; one value per call keeps the draw sequence simple to reason about). */
    double gaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** True with the probability that a Poisson process of this rate fires at least once in {@code dt} seconds. */
    boolean fires(double ratePerSecond, double dt) {
        return chance(1 - Math.exp(-ratePerSecond * dt));
    }

    /** A Poisson count with this mean (Knuth for small means, a rounded normal above 30). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian()));
        }
        double limit = Math.exp(-mean);
        int k = 0;
        double p = random.nextDouble();
        while (p > limit) {
            k++;
            p *= random.nextDouble();
        }
        return k;
    }
}
