package io.vertice.dash.promql;

import static io.vertice.dash.promql.ValueType.VECTOR;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The function names MetricsQL knows, by kind, read from {@code metricsql-functions.txt} (copied from the
 * function tables of VictoriaMetrics' metricsql parser). MetricsQL matches names case-insensitively and checks
 * argument types far less than Prometheus, so a MetricsQL-only function is a call of any arity returning a vector.
 */
final class MetricsqlFunctions {
    enum Kind {
        ROLLUP,
        TRANSFORM,
        AGGREGATE
    }

    private static final Map<String, Kind> KINDS = load();

    private MetricsqlFunctions() {}

    /** The kind of the function with this name (any case), or null when MetricsQL does not know it. */
    static Kind kind(String name) {
        return KINDS.get(name.toLowerCase(Locale.ROOT));
    }

    /** The signature used for a call: Prometheus's when it has the function, otherwise any arguments. */
    static Function signature(String name) {
        Function f = Functions.get(name.toLowerCase(Locale.ROOT));
        return f != null ? f : new Function(name.toLowerCase(Locale.ROOT), List.of(VECTOR), -1, VECTOR, false);
    }

    private static Map<String, Kind> load() {
        Map<String, Kind> m = new HashMap<>();
        try (InputStream in = MetricsqlFunctions.class.getResourceAsStream("metricsql-functions.txt")) {
            if (in == null) {
                throw new IllegalStateException("metricsql-functions.txt is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Kind kind = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (t.startsWith("[")) {
                    kind = Kind.valueOf(t.substring(1, t.length() - 1).toUpperCase(Locale.ROOT));
                    continue;
                }
                for (String name : t.split("\\s+", -1)) {
                    m.put(name, kind);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(m);
    }
}
