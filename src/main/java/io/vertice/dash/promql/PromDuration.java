package io.vertice.dash.promql;

import java.time.Duration;
import java.util.Optional;

/**
 * A duration in PromQL's grammar, the one grammar dash reads durations in (ranges, offsets, command-line
 * options, Prometheus's {@code scrape_interval}, Grafana's time ranges): integers with units {@code y},
 * {@code w}, {@code d}, {@code h}, {@code m}, {@code s}, {@code ms}, units from largest to smallest and
 * each at most once, e.g. {@code 500ms}, {@code 30s}, {@code 1m30s}, {@code 1h}, {@code 7d}.
 * {@link #toString()} writes it back the same way ({@code 1m30s}), never as {@code PT1M30S}.
 */
public record PromDuration(long millis) implements Comparable<PromDuration> {
    /** The grammar in words, for messages about a bad value. */
    public static final String GRAMMAR = "integers with units (ms, s, m, h, d, w, y) from the largest unit to the "
            + "smallest, e.g. 500ms, 30s, 1m30s, 1h or 7d";

    private static final java.util.regex.Pattern SECONDS = java.util.regex.Pattern.compile("\\d{1,15}(\\.\\d{1,9})?");

    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MS = {
        365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000L, 60_000L, 1000L, 1L
    };
    /** Prometheus keeps durations as int64 nanoseconds. */
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000;

    public PromDuration {
        if (millis < 0) {
            throw new IllegalArgumentException("a duration cannot be negative: " + millis + " ms");
        }
    }

    /**
     * Reads {@code text} (surrounding blanks ignored): units as above, or a plain number of seconds
     * ({@code 30}, {@code 1.5}) as Prometheus 3 reads one in a range.
     *
     * @throws IllegalArgumentException with one sentence naming the value and the grammar
     */
    public static PromDuration parse(String text) {
        return tryParse(text)
                .orElseThrow(() -> new IllegalArgumentException(
                        "\"" + (text == null ? "" : text.strip()) + "\" is not a duration: write " + GRAMMAR + "."));
    }

    /** As {@link #parse}, empty when {@code text} is not a duration. */
    public static Optional<PromDuration> tryParse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || !Lexer.isDigit(t.charAt(0))) {
            return Optional.empty();
        }
        if (SECONDS.matcher(t).matches()) {
            double millis = Double.parseDouble(t) * 1000;
            return millis > MAX_MILLIS ? Optional.empty() : Optional.of(new PromDuration(Math.round(millis)));
        }
        Scan scan = scan(t, 0, t.length());
        return scan.error() == null ? Optional.of(new PromDuration(scan.millis())) : Optional.empty();
    }

    /** The same length as a {@link Duration} (sub-millisecond parts are dropped). */
    public static PromDuration of(Duration d) {
        return new PromDuration(d.toMillis());
    }

    public Duration toDuration() {
        return Duration.ofMillis(millis);
    }

    /** In PromQL's form with the largest units first: {@code 1m30s}, {@code 500ms}, {@code 1d}, {@code 0s}. */
    @Override
    public String toString() {
        if (millis == 0) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        long rest = millis;
        for (int i = 0; i < UNITS.length; i++) {
            long count = rest / UNIT_MS[i];
            if (count > 0) {
                sb.append(count).append(UNITS[i]);
                rest -= count * UNIT_MS[i];
            }
        }
        return sb.toString();
    }

    @Override
    public int compareTo(PromDuration o) {
        return Long.compare(millis, o.millis);
    }

    static boolean isUnitStart(char c) {
        return c == 's' || c == 'm' || c == 'h' || c == 'd' || c == 'w' || c == 'y';
    }

    /** The outcome of {@link #scan}: the length, or the parse error's message. */
    record Scan(long millis, String error) {}

    /**
     * Reads {@code s[start, end)}, letters and digits starting with a digit, as integer + unit groups.
     * The error messages are the PromQL parser's, quoting the text.
     */
    static Scan scan(String s, int start, int end) {
        int q = start;
        long total = 0;
        int lastUnit = -1;
        boolean overflow = false;
        while (q < end) {
            int digits = q;
            while (q < end && Lexer.isDigit(s.charAt(q))) {
                q++;
            }
            if (q == digits) {
                return new Scan(0, Errors.badNumber(s.substring(start, end)));
            }
            int unitStart = q;
            while (q < end && !Lexer.isDigit(s.charAt(q))) {
                q++;
            }
            if (unitStart == q) {
                return new Scan(0, Errors.badNumber(s.substring(start, Math.min(s.length(), end + 1))));
            }
            int u = unitIndex(s, unitStart, q);
            if (u < 0) {
                String unit = s.substring(unitStart, q);
                if (!isUnitStart(unit.charAt(0))
                        || unit.length() > 2
                        || (unit.length() == 2 && unit.charAt(1) != 's')) {
                    return new Scan(0, Errors.badNumber(s.substring(start, end)));
                }
                return new Scan(0, Errors.unknownDurationUnit(unit, s.substring(start, end)));
            }
            if (u <= lastUnit) {
                return new Scan(0, Errors.unitsOutOfOrder(s.substring(start, end)));
            }
            lastUnit = u;
            if (unitStart - digits > 18) {
                overflow = true;
            } else {
                long value = 0;
                for (int i = digits; i < unitStart; i++) {
                    value = value * 10 + (s.charAt(i) - '0');
                }
                try {
                    total = Math.addExact(total, Math.multiplyExact(value, UNIT_MS[u]));
                } catch (ArithmeticException e) {
                    overflow = true;
                }
            }
        }
        if (overflow || total > MAX_MILLIS) {
            return new Scan(0, Errors.durationOutOfRange(s.substring(start, end)));
        }
        return new Scan(total, null);
    }

    /** Index into UNITS of the unit spelled in {@code s[from, to)}, or -1. */
    private static int unitIndex(String s, int from, int to) {
        char c = s.charAt(from);
        if (to - from == 2) {
            return c == 'm' && s.charAt(from + 1) == 's' ? UNITS.length - 1 : -1;
        }
        if (to - from != 1) {
            return -1;
        }
        for (int i = 0; i < UNITS.length - 1; i++) {
            if (UNITS[i].charAt(0) == c) {
                return i;
            }
        }
        return -1;
    }
}
