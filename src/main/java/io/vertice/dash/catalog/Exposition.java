package io.vertice.dash.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed scrape: the Prometheus text format (0.0.4) or OpenMetrics 1.0, as any exporter's
 * {@code /metrics} answers. Parse with {@link #parse(String)}; turn into a catalogue with {@link #toCatalog()}.
 */
public record Exposition(List<Family> families) {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value, Long timestampMillis) {
        public Sample {
            labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        }
    }

    /** One family: the name normalised as in {@link MetricFamily#name()} (counters without {@code _total}). */
    public record Family(String name, MetricType type, String help, String unit, List<Sample> samples) {
        public Family {
            samples = List.copyOf(samples);
        }
    }

    public Exposition {
        families = List.copyOf(families);
    }

    /** Thrown for input that is not a valid exposition; the message names the line. */
    public static final class ParseException extends RuntimeException {
        private final int line;

        public ParseException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Exposition parse(String text) {
        return new ExpositionParser(text).parse();
    }

    /** Every sample of every family, in exposition order. */
    public List<Sample> samples() {
        List<Sample> all = new ArrayList<>();
        families.forEach(f -> all.addAll(f.samples()));
        return all;
    }

    /** The family with this (normalised) name, or null. */
    public Family family(String name) {
        for (Family f : families) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The catalogue this scrape shows: families, label names, and the label values seen. */
    public MetricCatalog toCatalog() {
        List<MetricFamily> out = new ArrayList<>();
        for (Family f : families) {
            Map<String, Set<String>> labels = new LinkedHashMap<>();
            for (Sample s : f.samples()) {
                s.labels().forEach((k, v) -> {
                    if (isStructuralLabel(f.type(), s.name(), k)) {
                        return;
                    }
                    labels.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v);
                });
            }
            out.add(new MetricFamily(f.name(), f.type(), f.help(), labels, oldStyleCounterSeries(f)));
        }
        return MetricCatalog.of(out);
    }

    /**
     * An older exporter may expose a counter without the {@code _total} suffix ({@code # TYPE foo counter},
     * then {@code foo 3}); PromQL then reads {@code foo}, not {@code foo_total}. Empty for the usual shape.
     */
    private static List<String> oldStyleCounterSeries(Family f) {
        if (f.type() != MetricType.COUNTER
                || f.samples().isEmpty()
                || f.samples().stream().anyMatch(s -> s.name().endsWith("_total"))) {
            return List.of();
        }
        return f.samples().stream()
                .map(Sample::name)
                .filter(n -> !n.endsWith("_created"))
                .distinct()
                .toList();
    }

    private static boolean isStructuralLabel(MetricType type, String sampleName, String label) {
        return (label.equals("le") && sampleName.endsWith("_bucket"))
                || (label.equals("quantile") && type == MetricType.SUMMARY);
    }
}
