package io.vertice.dash.catalog;

import io.vertice.dash.catalog.Exposition.Family;
import io.vertice.dash.catalog.Exposition.ParseException;
import io.vertice.dash.catalog.Exposition.Sample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Line parser behind {@link Exposition#parse(String)}: text format 0.0.4 and OpenMetrics 1.0. */
final class ExpositionParser {
    private static final String[] SUFFIXES = {
        "_total", "_created", "_bucket", "_sum", "_count", "_gcount", "_gsum", "_info"
    };
    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile("[ \t]+");

    private final String text;
    /** OpenMetrics writes timestamps in seconds (a float), the text format in milliseconds; OpenMetrics ends with # EOF. */
    private final boolean openMetrics;

    private final Map<String, Builder> byName = new LinkedHashMap<>();
    private Builder current;
    private int lineNo;

    ExpositionParser(String text) {
        this.text = text;
        this.openMetrics = text.startsWith("# EOF") || text.contains("\n# EOF");
    }

    private static final class Builder {
        final String rawName;
        MetricType type = MetricType.UNKNOWN;
        String help = "";
        String unit = "";
        final List<Sample> samples = new ArrayList<>();

        Builder(String rawName) {
            this.rawName = rawName;
        }

        String normalisedName() {
            if (type == MetricType.COUNTER && rawName.endsWith("_total")) {
                return rawName.substring(0, rawName.length() - "_total".length());
            }
            if (type == MetricType.INFO && rawName.endsWith("_info")) {
                return rawName.substring(0, rawName.length() - "_info".length());
            }
            return rawName;
        }

        boolean owns(String sampleName) {
            if (sampleName.equals(rawName)) {
                return true;
            }
            String base = normalisedName();
            if (!sampleName.startsWith(base)) {
                return false;
            }
            String rest = sampleName.substring(base.length());
            for (String s : SUFFIXES) {
                if (rest.equals(s)) {
                    return true;
                }
            }
            return false;
        }
    }

    Exposition parse() {
        int pos = 0;
        int n = text.length();
        while (pos < n) {
            int end = text.indexOf('\n', pos);
            if (end < 0) {
                end = n;
            }
            lineNo++;
            String line = text.substring(pos, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            pos = end + 1;
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (line.equals("# EOF")) {
                    break;
                }
                comment(line);
            } else {
                sample(line);
            }
        }
        List<Family> families = new ArrayList<>();
        for (Builder b : byName.values()) {
            families.add(new Family(b.normalisedName(), b.type, b.help, b.unit, b.samples));
        }
        return new Exposition(families);
    }

    private void comment(String line) {
        String[] parts = line.split(" ", 4);
        if (parts.length < 3 || !parts[0].equals("#")) {
            return; // a plain comment
        }
        String keyword = parts[1];
        if (!keyword.equals("HELP") && !keyword.equals("TYPE") && !keyword.equals("UNIT")) {
            return;
        }
        String name = unquote(parts[2]);
        String rest = parts.length > 3 ? parts[3] : "";
        Builder b = family(name);
        switch (keyword) {
            case "HELP" -> b.help = unescape(rest, false);
            case "TYPE" -> b.type = MetricType.parse(rest);
            default -> b.unit = rest;
        }
        current = b;
    }

    private Builder family(String name) {
        Builder b = byName.get(name);
        if (b == null) {
            b = new Builder(name);
            byName.put(name, b);
        }
        return b;
    }

    private void sample(String line) {
        int i = 0;
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        if (line.charAt(0) == '{') {
            name = null; // OpenMetrics 2 / Prometheus 3 style: the name is quoted inside the braces
        } else {
            int start = i;
            while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                i++;
            }
            name = line.substring(start, i);
        }
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(line, i);
                if (i >= line.length()) {
                    throw new ParseException(lineNo, "unterminated label set");
                }
                if (line.charAt(i) == '}') {
                    i++;
                    break;
                }
                String key;
                if (line.charAt(i) == '"') {
                    int close = closingQuote(line, i);
                    key = unescape(line.substring(i + 1, close), true);
                    i = close + 1;
                } else {
                    int start = i;
                    while (i < line.length()
                            && line.charAt(i) != '='
                            && line.charAt(i) != ','
                            && line.charAt(i) != '}'
                            && line.charAt(i) != ' ') {
                        i++;
                    }
                    key = line.substring(start, i);
                }
                i = skipSpaces(line, i);
                if (i < line.length() && (line.charAt(i) == ',' || line.charAt(i) == '}') && name == null) {
                    name = key; // the quoted metric name
                } else {
                    if (i >= line.length() || line.charAt(i) != '=') {
                        throw new ParseException(lineNo, "expected '=' after label name " + key);
                    }
                    i = skipSpaces(line, i + 1);
                    if (i >= line.length() || line.charAt(i) != '"') {
                        throw new ParseException(lineNo, "expected a quoted value for label " + key);
                    }
                    int close = closingQuote(line, i);
                    labels.put(key, unescape(line.substring(i + 1, close), true));
                    i = close + 1;
                }
                i = skipSpaces(line, i);
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
        }
        if (name == null || name.isEmpty()) {
            throw new ParseException(lineNo, "sample without a metric name");
        }
        String rest = line.substring(i).trim();
        int exemplar = rest.indexOf(" # ");
        if (exemplar >= 0) {
            rest = rest.substring(0, exemplar).trim();
        }
        String[] fields = BLANKS.split(rest, -1); // rest is trimmed: no trailing empty field to drop
        if (fields.length == 0 || fields[0].isEmpty()) {
            throw new ParseException(lineNo, "sample " + name + " has no value");
        }
        double value = parseValue(fields[0], name);
        Long ts = null;
        if (fields.length > 1) {
            try {
                double t = Double.parseDouble(fields[1]);
                ts = openMetrics ? Math.round(t * 1000) : (long) t;
            } catch (NumberFormatException e) {
                throw new ParseException(lineNo, "sample " + name + " has a malformed timestamp " + fields[1]);
            }
        }
        Builder owner = current != null && current.owns(name) ? current : null;
        if (owner == null) {
            owner = family(name);
            current = owner;
        }
        owner.samples.add(new Sample(name, labels, value, ts));
    }

    private double parseValue(String s, String name) {
        switch (s) {
            case "+Inf", "Inf" -> {
                return Double.POSITIVE_INFINITY;
            }
            case "-Inf" -> {
                return Double.NEGATIVE_INFINITY;
            }
            case "NaN" -> {
                return Double.NaN;
            }
            default -> {
                try {
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new ParseException(lineNo, "sample " + name + " has a malformed value " + s);
                }
            }
        }
    }

    private static int skipSpaces(String line, int i) {
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private int closingQuote(String line, int open) {
        for (int j = open + 1; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '"') {
                return j;
            }
        }
        throw new ParseException(lineNo, "unterminated quoted string");
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
                ? unescape(s.substring(1, s.length() - 1), true)
                : s;
    }

    private static String unescape(String s, boolean quotes) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int j = 0; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c == '\\' && j + 1 < s.length()) {
                char next = s.charAt(++j);
                switch (next) {
                    case 'n' -> b.append('\n');
                    case '\\' -> b.append('\\');
                    case '"' -> b.append(quotes ? "\"" : "\\\"");
                    default -> b.append('\\').append(next);
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
